import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryService, session } from '../../lib/bridge';
import { setKinds } from '../../lib/kinds.svelte';
import { handleBeforeClose } from '../../lib/lifecycle';
import type { Entry, Kind } from '../../lib/types';
import { anEntry, kindInfos } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import type { AlignmentSlot } from './alignmentSlot';
import type { ArtifactSlot } from './artifactSlot';
import Editor from './Editor.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

// The app puts the artifacts feature here; the editor only decides where and for which role.
const artifactList = createRawSnippet((slot: () => ArtifactSlot) => ({
  render: () => `<p>${slot().heading} (${slot().role})</p>`,
}));

// The app puts the alignments feature here, for every kind, after the entry's evidence.
const alignmentPanel = createRawSnippet((slot: () => AlignmentSlot) => ({
  render: () => `<p>Competencies of ${slot().entryId}</p>`,
}));

const save = vi.mocked(entryService.save);
const lastSaved = (): Entry => save.mock.lastCall![0];

beforeEach(() => {
  // Only timeouts are faked: the debounce runs on them, while waitFor keeps its real interval.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  setKinds(kindInfos());
});

afterEach(() => {
  vi.useRealTimers();
});

async function openEditor(kind: Kind, overrides: Partial<Entry> = {}) {
  const entry = anEntry(kind, overrides);
  fake.reset({ entries: [entry] });
  const onclose = vi.fn();
  render(Editor, { entryId: entry.id, artifactList, alignmentPanel, onclose, onreopen: vi.fn() });
  await screen.findByRole('heading', { level: 1, name: entry.title });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  return { entry, user, onclose };
}

describe('Editor fields per kind', () => {
  it('shows every AI pilot field and saves typed changes after the debounce', async () => {
    const { user } = await openEditor('ai_pilot', { title: 'Feedback bot pilot' });

    for (const label of [
      'Title',
      'Start date',
      'End date',
      'Pilot status',
      'Grades and subjects',
      'AI tools used',
      'Problem or goal',
      'What was done',
      'Students reached',
      'Classes reached',
      'Student data involved',
      'Approval or consent obtained',
      'Privacy and ethics notes',
      'Tags',
      'Status',
      'Include in exports',
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByText('Files and links (attachment)')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Problem or goal'), 'Slow feedback on essays');
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(lastSaved().pilot!.problemGoal).toBe('Slow feedback on essays');

    await user.type(screen.getByLabelText('Students reached'), '112');
    await user.type(screen.getByLabelText('AI tools used'), 'Claude{Enter}Khanmigo{Enter}');
    await user.selectOptions(screen.getByLabelText('Pilot status'), 'Running');
    await user.click(screen.getByLabelText('Approval or consent obtained'));
    await vi.advanceTimersByTimeAsync(400);

    const saved = lastSaved();
    expect(saved.title).toBe('Feedback bot pilot');
    expect(saved.pilot).toMatchObject({
      problemGoal: 'Slow feedback on essays',
      studentsReached: 112,
      aiTools: ['Claude', 'Khanmigo'],
      pilotStatus: 'running',
      privacy: { studentDataInvolved: false, approvalObtained: true },
    });
    expect(screen.getByText('Saved')).toBeInTheDocument();
  });

  it('shows the lesson redesign fields with original and redesign artifact lists', async () => {
    const { user } = await openEditor('lesson_redesign');

    for (const label of [
      'Subject',
      'Grade',
      'Date taught',
      'Original description',
      'Redesign description',
      'Role of AI',
      'Academic-integrity measures',
      'Evidence of student outcomes',
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByText('Original artifacts (original)')).toBeInTheDocument();
    expect(screen.getByText('Redesign artifacts (redesign)')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Subject'), 'History');
    await user.type(screen.getByLabelText('Role of AI'), 'Students critique an AI-written source');
    await vi.advanceTimersByTimeAsync(400);

    expect(lastSaved().redesign).toMatchObject({ subject: 'History', aiRole: 'Students critique an AI-written source' });
  });

  it('saves the day a lesson redesign was taught as its start date', async () => {
    await openEditor('lesson_redesign', { startDate: '', endDate: '' });
    const dateTaught = screen.getByLabelText('Date taught');
    expect(dateTaught).toHaveAttribute('type', 'date');
    expect(dateTaught).toHaveValue('');

    await fireEvent.input(dateTaught, { target: { value: '2025-03-14' } });
    await vi.advanceTimersByTimeAsync(400);

    expect(lastSaved()).toMatchObject({ startDate: '2025-03-14', endDate: '' });
    expect(fake.world.entries[0].startDate).toBe('2025-03-14');
  });

  it('shows the saved date taught when a lesson redesign is opened again', async () => {
    await openEditor('lesson_redesign', { startDate: '2024-11-20' });

    expect(screen.getByLabelText('Date taught')).toHaveValue('2024-11-20');
  });

  it('saves professional development format, hours and rating as Go types', async () => {
    const { user } = await openEditor('pd_led');

    await user.selectOptions(screen.getByLabelText('Format'), 'Coaching cycle');
    await user.type(screen.getByLabelText('Audience'), 'Grade 6–8 math teachers');
    await user.type(screen.getByLabelText('Participants'), '24');
    await user.type(screen.getByLabelText('Contact hours'), '1.5');
    await user.type(screen.getByLabelText('Participant feedback summary'), 'Wanted more practice time');
    await user.selectOptions(screen.getByLabelText('Feedback rating'), '4');
    await fireEvent.input(screen.getByLabelText('Start date'), { target: { value: '2025-02-03' } });
    await vi.advanceTimersByTimeAsync(400);

    const saved = lastSaved();
    expect(saved.startDate).toBe('2025-02-03');
    expect(saved.pd).toMatchObject({
      format: 'coaching_cycle',
      audience: 'Grade 6–8 math teachers',
      participants: 24,
      contactHours: 1.5,
      feedbackSummary: 'Wanted more practice time',
      feedbackRating: 4,
    });
  });

  it('saves an other artifact’s date and description', async () => {
    const { user } = await openEditor('artifact');

    await fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2024-11-20' } });
    await user.type(screen.getByLabelText('Description'), 'Keynote at the state conference');
    await vi.advanceTimersByTimeAsync(400);

    expect(lastSaved()).toMatchObject({ startDate: '2024-11-20', other: { description: 'Keynote at the state conference' } });
  });
});

describe('Editor behaviour every kind shares', () => {
  it.each<Kind>(['ai_pilot', 'lesson_redesign', 'pd_led', 'artifact'])(
    'shows the competencies of a %s entry after its evidence',
    async (kind) => {
      const { entry } = await openEditor(kind);

      const panel = screen.getByText(`Competencies of ${entry.id}`);
      const evidence = screen.getAllByText(/ \((attachment|original|redesign)\)$/).at(-1)!;
      expect(evidence.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    },
  );

  it('counts the words of the whole reflection as they are typed', async () => {
    const { user } = await openEditor('artifact');
    const [first, second] = kindInfos().find((k) => k.kind === 'artifact')!.reflectionPrompts;

    expect(screen.getByText('0 words')).toBeInTheDocument();
    await user.type(screen.getByLabelText(first), 'It shows  how we  began');
    expect(screen.getByText('5 words')).toBeInTheDocument();
    await user.type(screen.getByLabelText(second), 'Patience.');
    expect(screen.getByText('6 words')).toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(400);
    expect(lastSaved().reflection).toEqual([
      { prompt: first, text: 'It shows  how we  began' },
      { prompt: second, text: 'Patience.' },
    ]);
  });

  it('adds and removes outcome rows', async () => {
    const { user } = await openEditor('ai_pilot');

    await user.click(screen.getByRole('button', { name: 'Add outcome' }));
    await user.type(screen.getByLabelText('Outcome 1 metric'), 'Essay revisions');
    await user.click(screen.getByRole('button', { name: 'Add outcome' }));
    await user.type(screen.getByLabelText('Outcome 2 metric'), 'On-time submissions');
    await user.type(screen.getByLabelText('Outcome 2 baseline'), '61%');
    await user.type(screen.getByLabelText('Outcome 2 result'), '84%');
    await user.click(screen.getByRole('button', { name: 'Remove outcome 1' }));

    expect(screen.queryByLabelText('Outcome 2 metric')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Outcome 1 metric')).toHaveValue('On-time submissions');
    await vi.advanceTimersByTimeAsync(400);
    expect(lastSaved().pilot!.outcomes).toEqual([{ metric: 'On-time submissions', baseline: '61%', result: '84%' }]);
  });

  it('saves tags, status and the export choice', async () => {
    const { user } = await openEditor('artifact');

    await user.type(screen.getByLabelText('Tags'), 'assessment{Enter}equity,');
    await user.click(screen.getByRole('button', { name: 'Remove tag assessment' }));
    await user.selectOptions(screen.getByLabelText('Status'), 'Ready');
    await user.click(screen.getByLabelText('Include in exports'));
    await vi.advanceTimersByTimeAsync(400);

    expect(lastSaved()).toMatchObject({ tags: ['equity'], status: 'ready', includeInExports: false });
  });

  it('saves at once when a field loses focus', async () => {
    const { user } = await openEditor('artifact');

    await user.type(screen.getByLabelText('Description'), 'Poster');
    await user.tab();

    expect(save).toHaveBeenCalledTimes(1);
    expect(lastSaved().other!.description).toBe('Poster');
  });

  it('writes pending changes before the window closes, then quits', async () => {
    const { user } = await openEditor('artifact');
    handleBeforeClose();

    await user.type(screen.getByLabelText('Description'), 'Unsaved words');
    expect(save).not.toHaveBeenCalled();
    fake.emit('app:before-close');
    await vi.waitFor(() => expect(session.quit).toHaveBeenCalled());

    expect(lastSaved().other!.description).toBe('Unsaved words');
    expect(save.mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(session.quit).mock.invocationCallOrder[0]);
  });

  it('says quietly when a change could not be saved', async () => {
    const { user } = await openEditor('artifact', { title: 'Poster' });

    await user.clear(screen.getByLabelText('Title'));
    await vi.advanceTimersByTimeAsync(400);

    expect(screen.getByText('Not saved: Give the entry a title.')).toBeInTheDocument();
  });

  it('moves the entry to the trash and leaves the editor', async () => {
    const { entry, user, onclose } = await openEditor('artifact');

    await user.click(screen.getByRole('button', { name: 'Move to trash' }));

    expect(entryService.trash).toHaveBeenCalledWith(entry.id);
    expect(onclose).toHaveBeenCalled();
  });

  it('shows when the entry was created', async () => {
    await openEditor('artifact');
    const header = screen.getByRole('heading', { level: 1 }).closest('header')!;
    expect(within(header).getByText(/Created/)).toBeInTheDocument();
  });
});
