import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { frameworkService } from '../../lib/bridge';
import type { Competency, Framework } from '../../lib/types';
import { aFramework, anImportReport, anIsteFramework, aUnescoFramework } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import Frameworks from './Frameworks.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

/** A custom framework: A (with A.1 and A.2 inside) and B at the top level. */
function aCustomFramework(): Framework {
  return aFramework(
    { id: 'custom-1', title: 'Our school’s AI goals', origin: 'custom' },
    [
      {
        code: 'A',
        title: 'Teaching',
        leaves: [
          { code: 'A.1', title: 'Plan with AI' },
          { code: 'A.2', title: 'Assess with AI' },
        ],
      },
      { code: 'B', title: 'Leading', leaves: [] },
    ],
  );
}

function setup(extra: Framework[] = []) {
  fake.reset({ frameworks: [aUnescoFramework(), anIsteFramework(), ...extra] });
  render(Frameworks);
  return userEvent.setup();
}

const card = async (title: string) => (await screen.findByRole('heading', { level: 2, name: title })).closest('li')!;

/** The last payload sent to saveCustom as [code, title, parent's code] in order, once `calls` saves happened. */
async function saved(calls: number): Promise<[string, string, string][]> {
  await vi.waitFor(() => expect(frameworkService.saveCustom).toHaveBeenCalledTimes(calls));
  const list: Competency[] = vi.mocked(frameworkService.saveCustom).mock.lastCall![0].competencies;
  const codeOf = (id: string) => (id === '' ? '' : (list.find((c) => c.id === id)?.code ?? `? ${id}`));
  return list.map((c) => [c.code, c.title, codeOf(c.parentId)]);
}

async function openEditor(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Edit Our school’s AI goals' }));
  return screen.findByRole('heading', { level: 3, name: 'Competencies' });
}

describe('Frameworks', () => {
  it('lists the built-ins as read-only, with their facts', async () => {
    setup();
    const unesco = await card('UNESCO AI Competency Framework for Teachers');
    expect(unesco).toHaveTextContent('UNESCO');
    expect(unesco).toHaveTextContent('Version 2024');
    expect(unesco).toHaveTextContent('Built in · read-only');
    expect(unesco).toHaveTextContent('15 competencies');
    expect(unesco).toHaveTextContent('Source: https://doi.org/10.54675/ZJTE2084');
    expect(within(unesco).getByRole('button', { name: 'View UNESCO AI Competency Framework for Teachers' })).toBeInTheDocument();
    expect(within(unesco).queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
    expect(within(unesco).queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
    expect(await card('ISTE Standards for Educators')).toHaveTextContent('Built in · read-only');
  });

  it('shows a framework’s tree with its codes', async () => {
    const user = setup();
    const view = await screen.findByRole('button', { name: 'View UNESCO AI Competency Framework for Teachers' });
    await user.click(view);
    expect(view).toHaveAttribute('aria-expanded', 'true');
    const tree = await screen.findByRole('region', { name: 'Competencies of UNESCO AI Competency Framework for Teachers' });
    expect(tree).toHaveTextContent('1 Human-centred mindset 1.1 Human agency');
    expect(tree).toHaveTextContent('5.3 AI to support professional transformation');
    expect(within(tree).queryByRole('button')).not.toBeInTheDocument();

    await user.click(view);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('reports what a CASE import did', async () => {
    const user = setup();
    const imported = aFramework({ title: 'Lakeside digital learning standards', origin: 'case', publisher: 'Lakeside Unified' }, [
      { code: 'DL1', title: 'Digital citizenship', leaves: [{ code: 'DL1.a', title: 'Protect privacy' }] },
    ]);
    fake.world.caseImport = anImportReport(imported, {
      file: { items: 42, associations: 45, used: 40, ignoredExternal: 2, ignoredOtherType: 0, ignoredExtraParents: 0 },
      change: { added: 42, updated: 0, retired: 0, unchanged: 0, restored: 0 },
    });

    await user.click(await screen.findByRole('button', { name: 'Import CASE file…' }));

    expect(await screen.findByText(
      'Imported “Lakeside digital learning standards”: 42 items, 40 associations used, 2 to other documents ignored; 42 added, 0 updated, 0 retired.',
    )).toHaveAttribute('role', 'status');
    const added = await card('Lakeside digital learning standards');
    expect(added).toHaveTextContent('Imported from a CASE file');
    expect(within(added).getByRole('button', { name: 'Delete Lakeside digital learning standards' })).toBeInTheDocument();
    expect(within(added).queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();

    fake.world.caseImport = anImportReport(imported, {
      replaced: true,
      file: { items: 43, associations: 43, used: 42, ignoredExternal: 0, ignoredOtherType: 1, ignoredExtraParents: 0 },
      change: { added: 1, updated: 2, retired: 1, unchanged: 39, restored: 0 },
    });
    await user.click(screen.getByRole('button', { name: 'Import CASE file…' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Updated “Lakeside digital learning standards”: 43 items, 42 associations used, 1 of other types ignored; 1 added, 2 updated, 1 retired, 39 unchanged.',
    );
  });

  it('says nothing when the file dialog is cancelled, and shows Go’s message when the import fails', async () => {
    const user = setup();
    const button = await screen.findByRole('button', { name: 'Import CASE file…' });
    await user.click(button);
    await vi.waitFor(() => expect(frameworkService.importCASE).toHaveBeenCalled());
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    fake.failNext(vi.mocked(frameworkService.importCASE), 'The file is not a CASE package: it has no CFDocument; choose a CASE JSON file.');
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file was not imported. The file is not a CASE package: it has no CFDocument; choose a CASE JSON file.',
    );
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(2);
  });

  it('creates a custom framework from a title and opens its editor', async () => {
    const user = setup();
    await user.click(await screen.findByRole('button', { name: 'New framework…' }));
    const dialog = screen.getByRole('dialog', { name: 'New framework' });
    expect(within(dialog).getByLabelText('Title')).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Create framework' }));
    expect(within(dialog).getByText('Give the framework a title.')).toBeInTheDocument();
    expect(frameworkService.createCustom).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('Title'), 'Coaching goals{Enter}');
    expect(frameworkService.createCustom).toHaveBeenCalledWith('Coaching goals');
    expect(await screen.findByText('Created “Coaching goals”. Add its competencies below.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const created = await card('Coaching goals');
    expect(created).toHaveTextContent('Your own framework');
    expect(within(created).getByText('No competencies yet. Add the first one below.')).toBeInTheDocument();
    await vi.waitFor(() =>
      expect(within(created).getByRole('textbox', { name: 'Title' })).toHaveFocus(),
    );
  });

  it('adds competencies, at the top level and inside another, saving each at once', async () => {
    const user = setup([aCustomFramework()]);
    await openEditor(user);

    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'C');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Gamma');
    await user.click(screen.getByRole('button', { name: 'Add competency' }));
    expect(await saved(1)).toEqual([
      ['A', 'Teaching', ''],
      ['A.1', 'Plan with AI', 'A'],
      ['A.2', 'Assess with AI', 'A'],
      ['B', 'Leading', ''],
      ['C', 'Gamma', ''],
    ]);
    const payload = vi.mocked(frameworkService.saveCustom).mock.lastCall![0];
    expect(payload.id).toBe('custom-1');
    expect(payload.competencies[4].id).toBe('');
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('');

    await user.selectOptions(screen.getByLabelText('Place under'), 'B Leading');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Lead a workshop{Enter}');
    expect(await saved(2)).toEqual([
      ['A', 'Teaching', ''],
      ['A.1', 'Plan with AI', 'A'],
      ['A.2', 'Assess with AI', 'A'],
      ['B', 'Leading', ''],
      ['', 'Lead a workshop', 'B'],
      ['C', 'Gamma', ''],
    ]);
    // The first save gave Gamma its id, so it is sent with it now and not added twice.
    const again = vi.mocked(frameworkService.saveCustom).mock.lastCall![0].competencies;
    expect(again[5].id).not.toBe('');
    expect(fake.world.frameworks.find((f) => f.id === 'custom-1')!.competencies.filter((c) => c.title === 'Gamma')).toHaveLength(1);
  });

  it('asks for a title before adding', async () => {
    const user = setup([aCustomFramework()]);
    await openEditor(user);
    await user.click(screen.getByRole('button', { name: 'Add competency' }));
    expect(screen.getByText('Give the competency a title.')).toBeInTheDocument();
    expect(frameworkService.saveCustom).not.toHaveBeenCalled();
  });

  it('renames a competency inline', async () => {
    const user = setup([aCustomFramework()]);
    await openEditor(user);
    await user.click(screen.getByRole('button', { name: 'Rename A.2 Assess with AI' }));
    const form = screen.getByRole('form', { name: 'Rename A.2 Assess with AI' });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    await vi.waitFor(() => expect(title).toHaveFocus());
    await user.clear(within(form).getByRole('textbox', { name: 'Code' }));
    await user.type(within(form).getByRole('textbox', { name: 'Code' }), 'A.9');
    await user.clear(title);
    await user.type(title, 'Assess fairly with AI');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect((await saved(1))[2]).toEqual(['A.9', 'Assess fairly with AI', 'A']);
    expect(screen.getByRole('button', { name: 'Rename A.9 Assess fairly with AI' })).toHaveFocus();
  });

  it('reorders with Move up and Move down, keeping the focus on the moved competency', async () => {
    const user = setup([aCustomFramework()]);
    await openEditor(user);
    expect(screen.getByRole('button', { name: 'Move up A Teaching' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move down B Leading' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Move down A Teaching' }));
    expect(await saved(1)).toEqual([
      ['B', 'Leading', ''],
      ['A', 'Teaching', ''],
      ['A.1', 'Plan with AI', 'A'],
      ['A.2', 'Assess with AI', 'A'],
    ]);
    expect(screen.getByRole('button', { name: 'Move up A Teaching' })).toHaveFocus();
    expect(screen.getByText('Moved “A Teaching” down: 2 of 2.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Move up A.2 Assess with AI' }));
    const order = await saved(2);
    expect(order.slice(2)).toEqual([
      ['A.2', 'Assess with AI', 'A'],
      ['A.1', 'Plan with AI', 'A'],
    ]);
    const positions = vi.mocked(frameworkService.saveCustom).mock.lastCall![0].competencies.map((c) => c.position);
    expect(positions).toEqual([1, 2, 1, 2]);
  });

  it('nests with Indent and Outdent', async () => {
    const user = setup([aCustomFramework()]);
    await openEditor(user);
    expect(screen.getByRole('button', { name: 'Indent A Teaching' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Outdent B Leading' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Indent B Leading' }));
    expect(await saved(1)).toEqual([
      ['A', 'Teaching', ''],
      ['A.1', 'Plan with AI', 'A'],
      ['A.2', 'Assess with AI', 'A'],
      ['B', 'Leading', 'A'],
    ]);
    expect(screen.getByText('“B Leading” is now inside “A Teaching”.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Indent A.2 Assess with AI' }));
    expect(await saved(2)).toEqual([
      ['A', 'Teaching', ''],
      ['A.1', 'Plan with AI', 'A'],
      ['A.2', 'Assess with AI', 'A.1'],
      ['B', 'Leading', 'A'],
    ]);

    // Outdent moves it up one level, right after its former parent.
    await user.click(screen.getByRole('button', { name: 'Outdent A.1 Plan with AI' }));
    expect(await saved(3)).toEqual([
      ['A', 'Teaching', ''],
      ['B', 'Leading', 'A'],
      ['A.1', 'Plan with AI', ''],
      ['A.2', 'Assess with AI', 'A.1'],
    ]);
    expect(screen.getByRole('button', { name: 'Outdent A.1 Plan with AI' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Indent A.1 Plan with AI' })).toHaveFocus();
  });

  it('removes a competency after confirming, explaining that alignments are kept', async () => {
    const user = setup([aCustomFramework()]);
    await openEditor(user);
    await user.click(screen.getByRole('button', { name: 'Remove A Teaching' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove “A Teaching”?' });
    expect(dialog).toHaveTextContent('It and the 2 competencies inside it leave “Our school’s AI goals”.');
    expect(dialog).toHaveTextContent('the alignments are kept, marked as retired');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(frameworkService.saveCustom).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove A.1 Plan with AI' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove competency' }));
    expect(await saved(1)).toEqual([
      ['A', 'Teaching', ''],
      ['A.2', 'Assess with AI', 'A'],
      ['B', 'Leading', ''],
    ]);
    expect(screen.getByText('Removed “A.1 Plan with AI”. Evidence aligned to it is kept as retired.')).toBeInTheDocument();
    const stored = fake.world.frameworks.find((f) => f.id === 'custom-1')!;
    expect(stored.competencies.find((c) => c.code === 'A.1')?.retiredAt).toBeTruthy();
    expect(await card('Our school’s AI goals')).toHaveTextContent('1 retired');
  });

  it('shows why a change was not saved, and saves it on retry', async () => {
    const user = setup([aCustomFramework()]);
    await openEditor(user);
    fake.failNext(vi.mocked(frameworkService.saveCustom), 'The portfolio is read-only.');
    await user.click(screen.getByRole('button', { name: 'Move down A Teaching' }));
    expect(await screen.findByText('Not saved: The portfolio is read-only.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try saving again' }));
    expect((await saved(2))[0]).toEqual(['B', 'Leading', '']);
    expect(await screen.findByText('Saved')).toBeInTheDocument();
  });

  it('deletes a custom framework after confirming', async () => {
    const user = setup([aCustomFramework()]);
    await user.click(await screen.findByRole('button', { name: 'Delete Our school’s AI goals' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Our school’s AI goals”?' });
    expect(dialog).toHaveTextContent('The entries themselves stay in your portfolio.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete framework' }));

    expect(frameworkService.delete).toHaveBeenCalledWith('custom-1');
    expect(await screen.findByText('Deleted “Our school’s AI goals”.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Our school’s AI goals' })).not.toBeInTheDocument();
  });
});
