import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { frameworkService } from '../../lib/bridge';
import { setKinds } from '../../lib/kinds.svelte';
import {
  aCoverage,
  aCoverageEntry,
  aLargeFramework,
  anEntry,
  anIsteFramework,
  aUnescoFramework,
  kindInfos,
} from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import Coverage from './Coverage.svelte';
import { resetCoverageView } from './viewState.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

beforeEach(() => {
  setKinds(kindInfos());
  resetCoverageView();
});

const u = (code: string) => `unesco-ai-cft:${code}`;

function setup() {
  const unesco = aUnescoFramework();
  const pilot = anEntry('ai_pilot', { title: 'Feedback bot pilot' });
  const workshop = anEntry('pd_led', { title: 'Prompting workshop' });
  const redesign = anEntry('lesson_redesign', { title: 'Essay redesign' });
  const evidence = {
    [u('1.1')]: [aCoverageEntry(pilot, 'deepen'), aCoverageEntry(workshop, 'acquire')],
    [u('2.2')]: [aCoverageEntry(redesign, 'create')],
    [u('4.1')]: [aCoverageEntry(pilot, '')],
  };
  fake.reset({
    frameworks: [unesco, anIsteFramework()],
    entries: [pilot, workshop, redesign],
    coverages: { [unesco.id]: aCoverage(unesco, evidence, { [u('1.1')]: 'in_progress' }) },
  });
  const onopen = vi.fn();
  render(Coverage, { onopen });
  return { unesco, pilot, workshop, redesign, onopen, user: userEvent.setup() };
}

const table = () => screen.getByRole('table', { name: /UNESCO AI Competency Framework for Teachers/ });
/** The row headers of the competency rows (group rows have row headers too). */
const competencyHeaders = (within_: HTMLElement = table()) =>
  within(within_)
    .queryAllByRole('rowheader')
    .filter((h) => h.closest('tr')?.classList.contains('leaf'));
/** The competency's row, found by its row header (the competency title). */
function leafRow(title: string): HTMLElement {
  const header = within(table()).getByRole('rowheader', { name: new RegExp(title) });
  return header.closest('tr')!;
}

describe('Coverage', () => {
  it('shows the summary, the groups and the gaps of the first framework', async () => {
    setup();
    expect(await screen.findByRole('table', { name: 'Coverage map: UNESCO AI Competency Framework for Teachers' })).toBeInTheDocument();
    expect(screen.getByLabelText('Framework')).toHaveDisplayValue('UNESCO AI Competency Framework for Teachers');
    expect(screen.getByText('3 of 15 competencies have evidence')).toBeInTheDocument();
    expect(screen.getByText(/12 gaps/)).toBeInTheDocument();

    const columns = within(table()).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(columns).toEqual(['Code', 'Competency', 'Evidence', 'Count', 'Strongest', 'Self-assessment']);

    const group = within(table()).getByRole('button', { name: '1 Human-centred mindset' });
    expect(group).toHaveAttribute('aria-expanded', 'true');
    expect(group.closest('tr')).toHaveTextContent('1 of 3 with evidence');
    expect(within(table()).getByRole('button', { name: '5 AI for professional development' }).closest('tr')).toHaveTextContent(
      '0 of 3 with evidence· 3 gaps',
    );

    const covered = leafRow('Human agency');
    expect(covered).toHaveTextContent('1.1');
    expect(covered).toHaveTextContent('What “human agency” asks of a teacher.');
    expect(covered).toHaveTextContent('Acquire level');
    expect(within(covered).getByRole('button', { name: 'Feedback bot pilot, Deepen' })).toBeInTheDocument();
    expect(within(covered).getByRole('button', { name: 'Prompting workshop, Acquire' })).toBeInTheDocument();
    expect(within(covered).getByRole('cell', { name: '2' })).toBeInTheDocument();
    expect(within(covered).getByText('Deepen', { selector: '.strongest span' })).toBeInTheDocument();
    expect(within(covered).getByRole('combobox', { name: 'Self-assessment for 1.1 Human agency' })).toHaveDisplayValue(
      'In progress',
    );
    expect(covered).not.toHaveTextContent('No evidence yet');
    expect(covered).not.toHaveClass('gap');

    const gap = leafRow('Human accountability');
    expect(gap).toHaveClass('gap');
    expect(gap).toHaveTextContent('No evidence yet');
    expect(within(gap).getByRole('button', { name: 'Start an entry for 1.2 Human accountability' })).toBeInTheDocument();
    expect(within(gap).getByRole('cell', { name: '0' })).toBeInTheDocument();
    expect(gap).toHaveTextContent('None');

    // Evidence without a strength counts, but its strongest is "Not rated".
    expect(leafRow('AI-assisted teaching')).toHaveTextContent('Not rated');
    expect(screen.getAllByText('No evidence yet')).toHaveLength(12);
  });

  it('tells covered competencies from gaps in words, never by colour alone', async () => {
    setup();
    await screen.findByRole('table');
    const rows = competencyHeaders().map((h) => h.closest('tr')!);
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      const count = Number(within(row).getAllByRole('cell').find((c) => c.classList.contains('count'))?.textContent);
      if (row.classList.contains('gap')) {
        // A gap says so, and offers to start an entry; its count is 0 and its strongest "None".
        expect(row).toHaveTextContent('No evidence yet');
        expect(within(row).getByRole('button', { name: /^Start an entry for / })).toBeInTheDocument();
        expect(count).toBe(0);
        expect(row).toHaveTextContent('None');
      } else {
        // Covered: the entries by name, a count, and no gap wording.
        expect(row).not.toHaveTextContent('No evidence yet');
        expect(within(row).getAllByRole('listitem').length).toBe(count);
        expect(count).toBeGreaterThan(0);
      }
    }
  });

  it('opens an evidence entry through the callback', async () => {
    const { pilot, onopen, user } = setup();
    await screen.findByRole('table');
    await user.click(within(leafRow('Human agency')).getByRole('button', { name: 'Feedback bot pilot, Deepen' }));
    expect(onopen).toHaveBeenCalledWith(pilot.id);
  });

  it('starts an entry of the chosen kind for a gap and opens it as new', async () => {
    const { onopen, user } = setup();
    await screen.findByRole('table');
    const start = within(leafRow('Human accountability')).getByRole('button', {
      name: 'Start an entry for 1.2 Human accountability',
    });
    await user.click(start);
    const menu = screen.getByRole('menu', { name: 'Kind of entry for 1.2 Human accountability' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent?.trim())).toEqual([
      'AI pilot',
      'Lesson or assessment redesign',
      'Professional development led',
      'Other artifact',
    ]);
    await user.click(within(menu).getByRole('menuitem', { name: 'Lesson or assessment redesign' }));

    expect(frameworkService.newEntryForGap).toHaveBeenCalledWith('lesson_redesign', 'unesco-ai-cft', u('1.2'));
    const created = fake.world.entries.find((e) => e.title === 'Evidence for 1.2 Human accountability')!;
    expect(created.kind).toBe('lesson_redesign');
    expect(onopen).toHaveBeenCalledWith(created.id, true);
  });

  it('works the gap menu from the keyboard', async () => {
    const { onopen, user } = setup();
    await screen.findByRole('table');
    within(leafRow('Ethical principles')).getByRole('button', { name: /^Start an entry/ }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'AI pilot' })).toHaveFocus();
    await user.keyboard('{End}{Enter}');
    expect(frameworkService.newEntryForGap).toHaveBeenCalledWith('artifact', 'unesco-ai-cft', u('2.1'));
    await vi.waitFor(() => expect(onopen).toHaveBeenCalled());
  });

  it('shows why a gap entry could not be started', async () => {
    const { onopen, user } = setup();
    await screen.findByRole('table');
    fake.failNext(vi.mocked(frameworkService.newEntryForGap), 'The portfolio is read-only.');
    await user.click(within(leafRow('Human accountability')).getByRole('button', { name: /^Start an entry/ }));
    await user.click(screen.getByRole('menuitem', { name: 'AI pilot' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The portfolio is read-only.');
    expect(onopen).not.toHaveBeenCalled();
  });

  it('saves a self-assessment as soon as it changes', async () => {
    const { user } = setup();
    await screen.findByRole('table');
    const select = screen.getByRole('combobox', { name: 'Self-assessment for 1.2 Human accountability' });
    expect(select).toHaveDisplayValue('Not started');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Not started',
      'In progress',
      'Ready for review',
      'Met',
    ]);

    await user.selectOptions(select, 'Ready for review');

    expect(frameworkService.setAssessment).toHaveBeenCalledWith(u('1.2'), 'ready_for_review');
    expect(await screen.findByText('Saved: 1.2 Human accountability is Ready for review.')).toBeInTheDocument();
    expect(fake.world.assessments[u('1.2')]).toBe('ready_for_review');
  });

  it('puts a self-assessment back when it cannot be saved', async () => {
    const { user } = setup();
    await screen.findByRole('table');
    fake.failNext(vi.mocked(frameworkService.setAssessment), 'The portfolio is read-only.');
    const select = screen.getByRole('combobox', { name: 'Self-assessment for 1.1 Human agency' });
    await user.selectOptions(select, 'Met');
    expect(await screen.findByRole('alert')).toHaveTextContent('Self-assessment not saved: The portfolio is read-only.');
    expect(select).toHaveDisplayValue('In progress');
  });

  it('shows gaps only, and filters by text', async () => {
    const { user } = setup();
    await screen.findByRole('table');

    await user.click(screen.getByLabelText('Show gaps only'));
    expect(within(table()).queryByRole('rowheader', { name: /Human agency/ })).not.toBeInTheDocument();
    expect(within(table()).queryByRole('rowheader', { name: /Safe and responsible use/ })).not.toBeInTheDocument();
    expect(competencyHeaders()).toHaveLength(12);
    expect(screen.getByText('Showing 12 of 15 competencies.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Filter competencies'), 'ethic');
    // "Ethics of AI" matches its group name, so both of its gaps remain; 2.2 is covered.
    expect(competencyHeaders().map((h) => h.textContent)).toEqual([
      expect.stringContaining('Ethical principles'),
      expect.stringContaining('Co-creating ethical rules'),
    ]);
    expect(within(table()).getAllByRole('button', { expanded: true }).map((b) => b.textContent?.trim())).toEqual([
      expect.stringContaining('Ethics of AI'),
    ]);

    await user.click(screen.getByLabelText('Show gaps only'));
    await user.clear(screen.getByLabelText('Filter competencies'));
    await user.type(screen.getByLabelText('Filter competencies'), 'nothing like this');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('No competencies match.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(competencyHeaders()).toHaveLength(15);
  });

  it('folds and unfolds groups', async () => {
    const { user } = setup();
    await screen.findByRole('table');
    const group = screen.getByRole('button', { name: '2 Ethics of AI' });
    await user.click(group);
    expect(group).toHaveAttribute('aria-expanded', 'false');
    expect(within(table()).queryByRole('rowheader', { name: /Ethical principles/ })).not.toBeInTheDocument();
    expect(competencyHeaders()).toHaveLength(12);

    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(competencyHeaders()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(competencyHeaders()).toHaveLength(15);
  });

  it('switches framework with the picker', async () => {
    const { user } = setup();
    await screen.findByRole('table');
    await user.selectOptions(screen.getByLabelText('Framework'), 'ISTE Standards for Educators');
    expect(await screen.findByRole('table', { name: 'Coverage map: ISTE Standards for Educators' })).toBeInTheDocument();
    expect(screen.getByText('0 of 6 competencies have evidence')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '2.1 Learner' })).toBeInTheDocument();
    expect(frameworkService.coverage).toHaveBeenLastCalledWith('iste-educators');
  });

  it('shows retired competencies that still have evidence, labelled', async () => {
    const base = aUnescoFramework();
    const competencies = base.competencies.map((c) =>
      c.code === '3.3' ? { ...c, retiredAt: '2025-06-01T00:00:00Z' } : c,
    );
    const unesco = { ...base, competencies };
    const entry = anEntry('artifact', { title: 'Chatbot I built' });
    fake.reset({ frameworks: [unesco], entries: [entry] });
    fake.world.coverages[unesco.id] = aCoverage(unesco, { [u('3.3')]: [aCoverageEntry(entry, 'create')] });
    render(Coverage, { onopen: vi.fn() });

    const row = (await screen.findByRole('rowheader', { name: /Creating with AI/ })).closest('tr')!;
    expect(within(row).getByText('Retired')).toBeInTheDocument();
    expect(row).not.toHaveTextContent('No evidence yet');
    expect(screen.getByText('0 of 14 competencies have evidence')).toBeInTheDocument();
  });

  it('renders every row of a 200-competency framework', async () => {
    const big = aLargeFramework(10, 19);
    expect(big.competencies).toHaveLength(200);
    fake.reset({ frameworks: [big] });
    render(Coverage, { onopen: vi.fn() });

    const map = await screen.findByRole('table', { name: 'Coverage map: District framework' });
    expect(competencyHeaders(map)).toHaveLength(190);
    expect(within(map).getAllByRole('button', { expanded: true })).toHaveLength(10);
    expect(within(map).getAllByRole('row')).toHaveLength(201); // the column headers, 10 groups, 190 competencies
    expect(screen.getByText('0 of 190 competencies have evidence')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Filter competencies'), '7.13');
    expect(competencyHeaders(map).map((h) => h.textContent?.trim())).toEqual(['7.13 Competency 7.13']);
  });
});
