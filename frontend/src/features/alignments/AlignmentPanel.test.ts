import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameworkService } from '../../lib/bridge';
import type { Alignment, Entry, Framework } from '../../lib/types';
import { aCompetency, anAlignment, anEntry, anIsteFramework, aUnescoFramework } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import AlignmentPanel from './AlignmentPanel.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

afterEach(() => {
  vi.useRealTimers();
});

const align = vi.mocked(frameworkService.align);

function setup(alignments: (entry: Entry) => Partial<Alignment>[] = () => [], frameworks?: Framework[]) {
  const entry = anEntry('ai_pilot', { title: 'Feedback bot pilot' });
  fake.reset({
    entries: [entry],
    frameworks: frameworks ?? [aUnescoFramework(), anIsteFramework()],
    alignments: alignments(entry).map((a) => anAlignment({ entryId: entry.id, ...a })),
  });
  render(AlignmentPanel, { entryId: entry.id });
  return entry;
}

const pilotAlignments = () => [
  {
    frameworkId: 'unesco-ai-cft',
    competencyId: 'unesco-ai-cft:4.2',
    strength: 'deepen' as const,
    rationale: 'Students argued with the bot’s feedback before revising.',
  },
  { frameworkId: 'iste-educators', competencyId: 'iste-educators:2.2.a', strength: 'proficient' as const, rationale: '' },
];

const alignmentGroup = (name: string) => screen.findByRole('group', { name });
const optionTexts = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent);

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Align to a competency…' }));
  return screen.getByRole('dialog', { name: 'Align to a competency' });
}

describe('AlignmentPanel', () => {
  it('shows the entry’s alignments by framework with their strength and rationale', async () => {
    setup(pilotAlignments);

    const region = screen.getByRole('region', { name: 'Competencies' });
    const unesco = await within(region).findByRole('region', { name: 'UNESCO AI Competency Framework for Teachers' });
    const iste = within(region).getByRole('region', { name: 'ISTE Standards for Educators' });

    const pedagogy = within(unesco).getByRole('group', { name: '4.2 AI-pedagogy integration' });
    expect(within(pedagogy).getByLabelText('Strength')).toHaveDisplayValue('Deepen');
    expect(within(pedagogy).getByLabelText('How this shows the competency')).toHaveValue(
      'Students argued with the bot’s feedback before revising.',
    );
    const vision = within(iste).getByRole('group', { name: '2.2.a Shape a shared vision' });
    expect(within(vision).getByLabelText('Strength')).toHaveDisplayValue('Proficient');
    expect(within(vision).getByLabelText('How this shows the competency')).toHaveValue('');
    expect(frameworkService.get).toHaveBeenCalledTimes(2);
  });

  it('keeps an alignment to a retired competency as it was, and lets it be removed', async () => {
    const unesco = aUnescoFramework();
    unesco.competencies.find((c) => c.code === '4.2')!.retiredAt = '2025-01-01T00:00:00Z';
    setup(() => [pilotAlignments()[0]], [unesco]);

    const group = await alignmentGroup('4.2 AI-pedagogy integration');
    expect(group).toHaveTextContent('A later version of the framework retired this competency');
    expect(group).toHaveTextContent('(Deepen)');
    expect(within(group).getByText('Students argued with the bot’s feedback before revising.')).toBeInTheDocument();
    expect(within(group).queryByLabelText('Strength')).not.toBeInTheDocument();
    expect(within(group).getByRole('button', { name: 'Remove alignment to 4.2 AI-pedagogy integration' })).toBeInTheDocument();
  });

  it('invites a first alignment when there is none', async () => {
    setup();

    expect(await screen.findByText(/Not aligned to any competency yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Align to a competency…' })).toBeInTheDocument();
  });

  it('offers the strengths of each framework’s own scale', async () => {
    const user = userEvent.setup();
    setup(pilotAlignments);

    const pedagogy = await alignmentGroup('4.2 AI-pedagogy integration');
    expect(optionTexts(within(pedagogy).getByLabelText('Strength'))).toEqual(['Acquire', 'Deepen', 'Create']);
    const vision = screen.getByRole('group', { name: '2.2.a Shape a shared vision' });
    expect(optionTexts(within(vision).getByLabelText('Strength'))).toEqual(['Emerging', 'Proficient', 'Exemplary']);

    const dialog = await openDialog(user);
    await user.selectOptions(within(dialog).getByLabelText('Framework'), 'UNESCO AI Competency Framework for Teachers');
    expect(optionTexts(within(dialog).getByLabelText('Strength'))).toEqual(['Acquire', 'Deepen', 'Create']);
    await user.selectOptions(within(dialog).getByLabelText('Framework'), 'ISTE Standards for Educators');
    expect(optionTexts(within(dialog).getByLabelText('Strength'))).toEqual(['Emerging', 'Proficient', 'Exemplary']);
  });

  it('aligns through the dialog and shows the new alignment', async () => {
    const user = userEvent.setup();
    const entry = setup();

    const dialog = await openDialog(user);
    expect(within(dialog).getByLabelText('Framework')).toHaveFocus();
    await user.selectOptions(within(dialog).getByLabelText('Framework'), 'UNESCO AI Competency Framework for Teachers');
    await within(dialog).findByRole('radio', { name: '4.2 AI-pedagogy integration' });
    await user.type(within(dialog).getByLabelText('Find a competency'), '4.2');
    expect(within(dialog).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['unesco-ai-cft:4.2']);
    await user.click(within(dialog).getByRole('radio', { name: '4.2 AI-pedagogy integration' }));
    await user.selectOptions(within(dialog).getByLabelText('Strength'), 'Deepen');
    await user.type(within(dialog).getByLabelText('How this shows the competency'), 'Students critiqued the bot’s feedback.');
    await user.click(within(dialog).getByRole('button', { name: 'Align' }));

    expect(align).toHaveBeenCalledTimes(1);
    expect(align.mock.lastCall![0]).toMatchObject({
      entryId: entry.id,
      frameworkId: 'unesco-ai-cft',
      competencyId: 'unesco-ai-cft:4.2',
      strength: 'deepen',
      rationale: 'Students critiqued the bot’s feedback.',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const added = await alignmentGroup('4.2 AI-pedagogy integration');
    expect(within(added).getByLabelText('Strength')).toHaveDisplayValue('Deepen');
    expect(within(added).getByLabelText('How this shows the competency')).toHaveValue('Students critiqued the bot’s feedback.');
    expect(screen.getByRole('region', { name: 'UNESCO AI Competency Framework for Teachers' })).toContainElement(added);
    expect(screen.getByText('Aligned to 4.2 AI-pedagogy integration.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Align to a competency…' })).toHaveFocus();
  });

  it('lists live leaves under their parents, hides retired ones and marks those already aligned', async () => {
    const user = userEvent.setup();
    const unesco = aUnescoFramework();
    unesco.competencies.push(
      aCompetency({
        id: 'unesco-ai-cft:4.4',
        frameworkId: 'unesco-ai-cft',
        parentId: 'unesco-ai-cft:4',
        code: '4.4',
        title: 'Dropped in 2025',
        depth: 1,
        retiredAt: '2025-01-01T00:00:00Z',
      }),
    );
    setup(() => [pilotAlignments()[0]], [unesco]);

    const dialog = await openDialog(user);
    const pedagogy = await within(dialog).findByRole('group', { name: '4 AI pedagogy' });
    expect(within(pedagogy).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([
      'unesco-ai-cft:4.1',
      'unesco-ai-cft:4.2',
      'unesco-ai-cft:4.3',
    ]);
    expect(within(dialog).getAllByRole('radio')).toHaveLength(15);
    expect(within(dialog).queryByText(/Dropped in 2025/)).not.toBeInTheDocument();
    const done = within(pedagogy).getByRole('radio', { name: '4.2 AI-pedagogy integration' });
    expect(done).toBeDisabled();
    expect(done).toHaveAccessibleDescription(/Already aligned/);
    expect(within(pedagogy).getByRole('radio', { name: '4.1 AI-assisted teaching' })).toBeEnabled();

    await user.type(within(dialog).getByLabelText('Find a competency'), 'nothing like this');
    expect(within(dialog).getByText('No competency matches “nothing like this”.')).toBeInTheDocument();
  });

  it('shows Go’s message when aligning fails and keeps the dialog open', async () => {
    const user = userEvent.setup();
    setup();
    fake.failNext(align, 'The rationale is 2100 characters long; shorten it to at most 2000.');

    const dialog = await openDialog(user);
    await user.click(await within(dialog).findByRole('radio', { name: '1.1 Human agency' }));
    await user.click(within(dialog).getByRole('button', { name: 'Align' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The rationale is 2100 characters long; shorten it to at most 2000.',
    );
    expect(screen.queryByRole('group', { name: '1.1 Human agency' })).not.toBeInTheDocument();
  });

  it('asks for a competency before aligning', async () => {
    const user = userEvent.setup();
    setup();

    const dialog = await openDialog(user);
    await within(dialog).findByRole('radio', { name: '1.1 Human agency' });
    await user.click(within(dialog).getByRole('button', { name: 'Align' }));

    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose the competency this entry shows.');
    expect(align).not.toHaveBeenCalled();
  });

  it('loads each framework’s tree once while the entry is open', async () => {
    const user = userEvent.setup();
    setup(pilotAlignments);

    await alignmentGroup('4.2 AI-pedagogy integration');
    for (let i = 0; i < 2; i++) {
      const dialog = await openDialog(user);
      await user.selectOptions(within(dialog).getByLabelText('Framework'), 'UNESCO AI Competency Framework for Teachers');
      await within(dialog).findByRole('radio', { name: '1.1 Human agency' });
      await user.selectOptions(within(dialog).getByLabelText('Framework'), 'ISTE Standards for Educators');
      await within(dialog).findByRole('radio', { name: '2.1.a Set professional learning goals' });
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    }

    expect(vi.mocked(frameworkService.get).mock.calls.map(([id]) => id).sort()).toEqual(['iste-educators', 'unesco-ai-cft']);
  });

  it('saves an edited rationale after a pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const entry = setup(() => [{ ...pilotAlignments()[0], rationale: '' }]);

    const group = await alignmentGroup('4.2 AI-pedagogy integration');
    await user.type(within(group).getByLabelText('How this shows the competency'), 'Peer review of bot feedback');
    await vi.advanceTimersByTimeAsync(399);
    expect(align).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);

    expect(align).toHaveBeenCalledTimes(1);
    expect(align.mock.lastCall![0]).toMatchObject({
      entryId: entry.id,
      frameworkId: 'unesco-ai-cft',
      competencyId: 'unesco-ai-cft:4.2',
      strength: 'deepen',
      rationale: 'Peer review of bot feedback',
    });
    expect(fake.world.alignments[0].rationale).toBe('Peer review of bot feedback');
    expect(within(group).getByText('Saved')).toBeInTheDocument();
  });

  it('saves a new strength at once', async () => {
    const user = userEvent.setup();
    setup(pilotAlignments);

    const group = await alignmentGroup('4.2 AI-pedagogy integration');
    await user.selectOptions(within(group).getByLabelText('Strength'), 'Create');

    expect(align).toHaveBeenCalledTimes(1);
    expect(align.mock.lastCall![0]).toMatchObject({ competencyId: 'unesco-ai-cft:4.2', strength: 'create' });
  });

  it('removes an alignment after one confirmation', async () => {
    const user = userEvent.setup();
    const entry = setup(pilotAlignments);

    await alignmentGroup('4.2 AI-pedagogy integration');
    await user.click(screen.getByRole('button', { name: 'Remove alignment to 4.2 AI-pedagogy integration' }));
    let dialog = screen.getByRole('dialog', { name: 'Remove this alignment?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(frameworkService.unalign).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove alignment to 4.2 AI-pedagogy integration' }));
    dialog = screen.getByRole('dialog', { name: 'Remove this alignment?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    expect(frameworkService.unalign).toHaveBeenCalledWith(entry.id, 'unesco-ai-cft:4.2');
    expect(screen.queryByRole('group', { name: '4.2 AI-pedagogy integration' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'UNESCO AI Competency Framework for Teachers' })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: '2.2.a Shape a shared vision' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Align to a competency…' })).toHaveFocus();
    expect(align).not.toHaveBeenCalled();
  });

  it('writes a rationale still waiting to be saved before removing, never after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    setup(pilotAlignments);

    const group = await alignmentGroup('4.2 AI-pedagogy integration');
    await user.type(within(group).getByLabelText('How this shows the competency'), ' Twice.');
    await user.click(screen.getByRole('button', { name: 'Remove alignment to 4.2 AI-pedagogy integration' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Remove this alignment?' })).getByRole('button', { name: 'Remove' }));
    await vi.advanceTimersByTimeAsync(1000);

    expect(align).toHaveBeenCalledTimes(1);
    expect(align.mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(frameworkService.unalign).mock.invocationCallOrder[0]);
    expect(fake.world.alignments.map((a) => a.competencyId)).toEqual(['iste-educators:2.2.a']);
  });
});
