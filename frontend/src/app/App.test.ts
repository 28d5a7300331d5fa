import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  aCoverage,
  aCoverageEntry,
  anAlignment,
  anAutoBackup,
  anEntry,
  aProfile,
  aRestoreCandidate,
  aStatus,
  aUnescoFramework,
} from '../test/builders';
import { fake, session } from '../test/fakeBridge';
import App from './App.svelte';

vi.mock('../lib/bridge', () => import('../test/fakeBridge'));

describe('App', () => {
  it('shows the problem screen when the data folder cannot be opened', async () => {
    fake.reset({ status: aStatus({ ready: false, problemKind: 'corrupt', problem: 'The portfolio database failed its check.' }) });
    render(App);

    expect(await screen.findByText('The portfolio database failed its check.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open another folder…' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('welcomes a first start, then shows the portfolio', async () => {
    const user = userEvent.setup();
    fake.reset({ status: aStatus({ profileComplete: false }), profile: aProfile({ name: '' }) });
    render(App);

    await user.type(await screen.findByLabelText('Name'), 'Zoë Ñúñez-Łukasz');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Portfolio' })).toBeInTheDocument();
  });

  it('navigates with the sidebar and opens entries in the editor', async () => {
    const user = userEvent.setup();
    const entry = anEntry('artifact', { title: 'Conference poster' });
    fake.reset({ entries: [entry] });
    render(App);

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('button', { name: 'Portfolio' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('/home/teacher/.local/share/ReadyFolio')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Conference poster' }));
    expect(await screen.findByLabelText('Title')).toHaveValue('Conference poster');
    expect(screen.getByRole('heading', { level: 1, name: 'Conference poster' })).toHaveFocus();
    expect(screen.getByRole('heading', { level: 3, name: 'Files and links' })).toBeInTheDocument();

    for (const [place, heading] of [
      ['Coverage', 'Coverage'],
      ['Export', 'Export'],
      ['Frameworks', 'Frameworks'],
      ['Search', 'Search'],
      ['Profile', 'Profile'],
      ['Signing identity', 'Signing identity'],
      ['Verify', 'Verify a file'],
      ['Backups', 'Backups'],
      ['Trash', 'Trash'],
    ]) {
      await user.click(within(nav).getByRole('button', { name: place }));
      const h1 = await screen.findByRole('heading', { level: 1, name: heading });
      expect(h1).toHaveFocus();
      expect(within(nav).getByRole('button', { name: place })).toHaveAttribute('aria-current', 'page');
    }
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('undoes moving an entry to the trash', async () => {
    const user = userEvent.setup();
    const entry = anEntry('artifact', { title: 'Conference poster' });
    fake.reset({ entries: [entry] });
    render(App);

    await user.click(await screen.findByRole('button', { name: 'Conference poster' }));
    await user.click(await screen.findByRole('button', { name: 'Move to trash' }));
    expect(await screen.findByText('Moved “Conference poster” to the trash.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByLabelText('Title')).toHaveValue('Conference poster');
    expect(fake.world.trash).toEqual([]);
  });

  it('opens evidence and new entries for gaps from the coverage map in the editor', async () => {
    const user = userEvent.setup();
    const unesco = aUnescoFramework();
    const entry = anEntry('ai_pilot', { title: 'Feedback bot pilot' });
    fake.reset({
      entries: [entry],
      frameworks: [unesco],
      coverages: { [unesco.id]: aCoverage(unesco, { 'unesco-ai-cft:1.1': [aCoverageEntry(entry, 'deepen')] }) },
    });
    render(App);

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual([
      expect.stringContaining('Portfolio'),
      expect.stringContaining('Coverage'),
      expect.stringContaining('Export'),
      expect.stringContaining('Frameworks'),
      expect.stringContaining('Credentials'),
      expect.stringContaining('Search'),
      expect.stringContaining('Profile'),
      expect.stringContaining('Signing identity'),
      expect.stringContaining('Verify'),
      expect.stringContaining('Backups'),
      expect.stringContaining('Trash'),
    ]);
    await user.click(within(nav).getByRole('button', { name: 'Coverage' }));
    await user.click(await screen.findByRole('button', { name: 'Feedback bot pilot, Deepen' }));
    expect(await screen.findByLabelText('Title')).toHaveValue('Feedback bot pilot');

    await user.click(within(nav).getByRole('button', { name: 'Coverage' }));
    await user.click(await screen.findByRole('button', { name: 'Start an entry for 2.1 Ethical principles' }));
    await user.click(screen.getByRole('menuitem', { name: 'Professional development led' }));
    expect(await screen.findByLabelText('Title')).toHaveValue('Evidence for 2.1 Ethical principles');
  });

  it('shows the competencies an entry is aligned to in the editor', async () => {
    const user = userEvent.setup();
    const unesco = aUnescoFramework();
    const entry = anEntry('lesson_redesign', { title: 'Essay as oral defence' });
    fake.reset({
      entries: [entry],
      frameworks: [unesco],
      alignments: [anAlignment({ entryId: entry.id, frameworkId: unesco.id, competencyId: 'unesco-ai-cft:4.3', strength: 'create' })],
    });
    render(App);

    await user.click(await screen.findByRole('button', { name: 'Essay as oral defence' }));
    const competencies = await screen.findByRole('region', { name: 'Competencies' });
    const alignment = await within(competencies).findByRole('group', { name: '4.3 AI-enhanced pedagogical transformation' });
    expect(within(alignment).getByLabelText('Strength')).toHaveDisplayValue('Create');
  });

  it('sends the educator from the export to the signing identity and back', async () => {
    const user = userEvent.setup();
    fake.reset({ entries: [anEntry('artifact', { title: 'Conference poster', status: 'ready' })], identity: null });
    render(App);

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('button', { name: 'Set up a signing identity' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Signing identity' })).toHaveFocus();
    expect(within(nav).getByRole('button', { name: 'Signing identity' })).toHaveAttribute('aria-current', 'page');

    await user.click(screen.getByRole('button', { name: 'Create a signing identity…' }));
    await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery');
    await user.type(screen.getByLabelText('Repeat passphrase'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create identity' }));
    expect(await screen.findByRole('heading', { name: 'Your certificate' })).toBeInTheDocument();

    await user.click(within(nav).getByRole('button', { name: 'Export' }));
    expect(await screen.findByText(/^Signed by/)).toHaveTextContent('Signed by Amara Okafor');
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');
  });

  it('shows the restored portfolio after a restore on the Backups page', async () => {
    const user = userEvent.setup();
    const kept = anEntry('artifact', { title: 'Conference poster' });
    const added = anEntry('pd_led', { title: 'Added after the backup' });
    fake.reset({ entries: [kept, added], candidate: aRestoreCandidate(), afterRestore: { entries: [kept] } });
    render(App);

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(await screen.findByRole('button', { name: 'Added after the backup' })).toBeInTheDocument();
    await user.click(within(nav).getByRole('button', { name: 'Backups' }));
    await user.click(await screen.findByRole('button', { name: 'Restore from a file…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Portfolio restored' })).toBeInTheDocument();
    expect(session.status).toHaveBeenCalledTimes(2); // read again, as after opening another folder
    expect(session.kinds).toHaveBeenCalledTimes(2);

    await user.click(within(nav).getByRole('button', { name: 'Portfolio' }));
    expect(await screen.findByRole('button', { name: 'Conference poster' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Added after the backup' })).not.toBeInTheDocument();
  });

  it('shows the problem screen when the folder did not open again after a restore', async () => {
    const user = userEvent.setup();
    fake.reset({
      candidate: aRestoreCandidate(),
      afterRestore: { status: aStatus({ ready: false, problemKind: 'corrupt', problem: 'The portfolio database failed its check.' }) },
    });
    render(App);

    await user.click(within(await screen.findByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Backups' }));
    await user.click(await screen.findByRole('button', { name: 'Restore from a file…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('The portfolio database failed its check.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open another folder…' })).toBeInTheDocument();
  });

  it('notes a failed automatic backup quietly above every page, with a way to Backups', async () => {
    const user = userEvent.setup();
    fake.reset({ autoBackup: anAutoBackup({ state: 'failed', message: 'There is not enough space on the disk.' }) });
    render(App);

    const notice = await screen.findByText("Today's automatic backup could not be made.");
    expect(notice.closest('[role="status"]')).toHaveTextContent('There is not enough space on the disk.');
    expect(screen.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Backups…' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Backups' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('button', { name: 'Backups…' })).not.toBeInTheDocument();
  });
});
