import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryService } from '../../lib/bridge';
import { setKinds } from '../../lib/kinds.svelte';
import type { Entry, Kind } from '../../lib/types';
import { anEntry, kindInfos, newKindInfos } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import type { AlignmentSlot } from './alignmentSlot';
import type { ArtifactSlot } from './artifactSlot';
import Editor from './Editor.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

const artifactList = createRawSnippet((slot: () => ArtifactSlot) => ({
  render: () => `<p>${slot().heading} (${slot().role})</p>`,
}));
const alignmentPanel = createRawSnippet((slot: () => AlignmentSlot) => ({
  render: () => `<p>Competencies of ${slot().entryId}</p>`,
}));

const save = vi.mocked(entryService.save);
const lastSaved = (): Entry => save.mock.lastCall![0];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  setKinds([...kindInfos(), ...newKindInfos()]);
});

afterEach(() => {
  vi.useRealTimers();
});

async function openEditor(kind: Kind, overrides: Partial<Entry> = {}) {
  const entry = anEntry(kind, overrides);
  fake.reset({ entries: [entry] });
  render(Editor, { entryId: entry.id, artifactList, alignmentPanel, onclose: vi.fn(), onreopen: vi.fn() });
  await screen.findByRole('heading', { level: 1, name: entry.title });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  return { entry, user };
}

describe('AI tool evaluation editor', () => {
  it('labels every field and shows the rubric by name with a score group per criterion', async () => {
    await openEditor('tool_evaluation');

    for (const label of ['Date evaluated', 'Tool', 'Vendor', 'Version', 'Grade band', 'Intended use', 'Rationale']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByRole('heading', { level: 2, name: 'ReadyFolio AI tool evaluation rubric' })).toBeInTheDocument();
    const accuracy = screen.getByRole('group', { name: 'Score for Accuracy' });
    expect(within(accuracy).getByRole('radio', { name: '3 · Acceptable' })).toBeInTheDocument();
    expect(within(accuracy).getByRole('radio', { name: 'Not scored' })).toBeChecked();
    expect(screen.getByText('How often is the output wrong, and would a student notice?')).toBeInTheDocument();
    expect(screen.getByText('0 of 3 criteria scored')).toBeInTheDocument();
    expect(screen.getByText('Files and links (attachment)')).toBeInTheDocument();
  });

  it('saves a criterion scored and updates the running summary', async () => {
    const { user } = await openEditor('tool_evaluation');

    await user.click(within(screen.getByRole('group', { name: 'Score for Accuracy' })).getByRole('radio', { name: '3 · Acceptable' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Score for Instructional alignment' })).getByRole('radio', { name: '4 · Strong' }),
    );
    await user.type(screen.getByLabelText('Notes on Accuracy'), 'Two wrong dates');
    await user.type(screen.getByLabelText('What was checked'), 'Sources');
    await user.type(screen.getByLabelText('Tool'), 'MagicSchool');
    await vi.advanceTimersByTimeAsync(400);

    expect(screen.getByText('2 of 3 criteria scored')).toBeInTheDocument();
    const saved = lastSaved().evaluation!;
    expect(saved.tool).toBe('MagicSchool');
    expect(saved.scores.find((s) => s.criterion === 'accuracy')).toEqual({
      criterion: 'accuracy',
      score: 3,
      notes: 'Two wrong dates',
      answers: { what_checked: 'Sources' },
    });
    expect(saved.scores.find((s) => s.criterion === 'instructional_alignment')!.score).toBe(4);

    await user.click(within(screen.getByRole('group', { name: 'Score for Accuracy' })).getByRole('radio', { name: 'Not scored' }));
    await vi.advanceTimersByTimeAsync(400);
    expect(lastSaved().evaluation!.scores.find((s) => s.criterion === 'accuracy')!.score).toBe(0);
    expect(screen.getByText('1 of 3 criteria scored')).toBeInTheDocument();
  });

  it('saves a yes/no answer as "yes", "no" or "" (not answered)', async () => {
    const { user } = await openEditor('tool_evaluation');
    const dpa = screen.getByRole('group', { name: 'Signed data-privacy agreement' });
    expect(within(dpa).getByRole('radio', { name: 'Not answered' })).toBeChecked();

    await user.click(within(dpa).getByRole('radio', { name: 'Yes' }));
    await vi.advanceTimersByTimeAsync(400);
    expect(lastSaved().evaluation!.scores.find((s) => s.criterion === 'student_data_privacy')!.answers).toEqual({ dpa_signed: 'yes' });

    await user.click(within(dpa).getByRole('radio', { name: 'No' }));
    await vi.advanceTimersByTimeAsync(400);
    expect(lastSaved().evaluation!.scores.find((s) => s.criterion === 'student_data_privacy')!.answers.dpa_signed).toBe('no');
  });

  it('saves the recommendation and its rationale', async () => {
    const { user } = await openEditor('tool_evaluation');
    const group = screen.getByRole('group', { name: 'Your recommendation' });
    expect(within(group).getByRole('radio', { name: 'Not decided' })).toBeChecked();

    await user.click(within(group).getByRole('radio', { name: 'Pilot further' }));
    await user.type(screen.getByLabelText('Rationale'), 'Accurate, but no privacy agreement yet');
    await vi.advanceTimersByTimeAsync(400);

    expect(lastSaved().evaluation).toMatchObject({ recommendation: 'pilot_further', rationale: 'Accurate, but no privacy agreement yet' });
  });

  it('shows the saved scores when an evaluation is opened again', async () => {
    const base = anEntry('tool_evaluation');
    const evaluation = base.evaluation!;
    evaluation.scores[1] = { criterion: 'accuracy', score: 2, notes: 'Shaky', answers: {} };
    evaluation.recommendation = 'do_not_adopt';
    await openEditor('tool_evaluation', { evaluation });

    expect(within(screen.getByRole('group', { name: 'Score for Accuracy' })).getByRole('radio', { name: '2 · Needs work' })).toBeChecked();
    expect(screen.getByLabelText('Notes on Accuracy')).toHaveValue('Shaky');
    expect(within(screen.getByRole('group', { name: 'Your recommendation' })).getByRole('radio', { name: 'Do not adopt' })).toBeChecked();
    expect(screen.getByText('1 of 3 criteria scored')).toBeInTheDocument();
  });
});

describe('Policy or guidance editor', () => {
  it('labels its fields and the document drop zone', async () => {
    await openEditor('policy_guidance');

    for (const label of ['Date adopted or published', 'Stage', 'Issued by', 'Level of the issuing body', 'Your role', 'Summary']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByText('The document and supporting files (attachment)')).toBeInTheDocument();
  });

  it('saves a role change, the body and the stage', async () => {
    const { user } = await openEditor('policy_guidance');

    await user.selectOptions(screen.getByLabelText('Your role'), 'Committee member');
    await user.selectOptions(screen.getByLabelText('Level of the issuing body'), 'District');
    await user.selectOptions(screen.getByLabelText('Stage'), 'Adopted');
    await user.type(screen.getByLabelText('Issued by'), 'Lakeview Unified');
    await vi.advanceTimersByTimeAsync(400);

    expect(lastSaved().guidance).toEqual({
      body: 'Lakeview Unified',
      bodyLevel: 'district',
      role: 'committee_member',
      stage: 'adopted',
      summary: '',
    });
  });
});
