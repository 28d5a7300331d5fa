import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { backupService } from '../../lib/bridge';
import {
  aBackupReport,
  aBackupSummary,
  aCancelledBackup,
  aListedBackup,
  anAutoBackup,
  aRestoreCandidate,
  aRestoreReport,
} from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import { formatDay } from '../../lib/format';
import BackupsPage from './BackupsPage.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

const MB = 1024 * 1024;

function renderPage() {
  const onrestored = vi.fn(async () => {});
  render(BackupsPage, { onrestored });
  return { onrestored };
}

const progressText = () => screen.getByRole('progressbar').getAttribute('aria-valuetext');

describe('BackupsPage', () => {
  it('backs up now with progress, then says where, what and that it was read back and verified', async () => {
    const user = userEvent.setup();
    fake.reset({ holdBackup: true });
    renderPage();

    await user.click(screen.getByRole('button', { name: 'Back up now…' }));
    expect(progressText()).toBe('Getting ready…');
    fake.emit('backup:progress', { stage: 'backup', done: MB / 2, total: 2 * MB });
    await waitFor(() => expect(progressText()).toBe('Writing the backup: 512 KB of 1.0 MB'));
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    fake.emit('backup:progress', { stage: 'backup', done: 1.5 * MB, total: 2 * MB });
    await waitFor(() => expect(progressText()).toBe('Reading it back to check it: 512 KB of 1.0 MB'));
    expect(screen.getByRole('button', { name: 'Restore from a file…' })).toBeDisabled(); // one job at a time

    fake.finishBackup();
    const heading = await screen.findByRole('heading', { level: 3, name: 'Backup saved' });
    expect(heading).toHaveFocus();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText(aBackupReport().path)).toBeInTheDocument();
    const facts = heading.parentElement!.querySelector('.facts')!;
    expect([...facts.children].map((c) => c.textContent)).toEqual([
      '12 entries',
      '9 files',
      'signing identity included',
      '8.5 MB',
      'read back and verified',
    ]);
  });

  it('says so when the backup is cancelled, the dialog closed, or the backup fails', async () => {
    const user = userEvent.setup();
    fake.reset({ holdBackup: true });
    renderPage();

    await user.click(screen.getByRole('button', { name: 'Back up now…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Backup cancelled: no file was saved.')).toBeInTheDocument();
    expect(backupService.cancel).toHaveBeenCalledOnce();

    fake.world.holdBackup = false;
    fake.world.backupReport = aCancelledBackup();
    await user.click(screen.getByRole('button', { name: 'Back up now…' }));
    expect(await screen.findByText('No backup was made: you closed the save dialog.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Backup saved' })).not.toBeInTheDocument();

    fake.failNext(backupService.backUpNow as never, 'There is not enough space on the disk for /media/usb/readyfolio-backup.zip; nothing was written.');
    await user.click(screen.getByRole('button', { name: 'Back up now…' }));
    const alert = await screen.findByText(/^The backup was not saved\./);
    expect(alert.closest('[role="alert"]')).toHaveTextContent('not enough space on the disk for /media/usb/readyfolio-backup.zip');
  });

  it('lists the backups in the data folder with their day, kind and size, and today’s automatic backup', async () => {
    fake.reset({
      backups: [
        aListedBackup({ date: '2026-11-30', kind: 'before-restore', time: '14:15:02', bytes: 2 * MB }),
        aListedBackup({ date: '2026-11-30' }),
        aListedBackup({ date: '2026-11-29' }),
      ],
      autoBackup: anAutoBackup({ state: 'made' }),
    });
    renderPage();

    const list = await screen.findByRole('list', { name: 'Backups in the data folder' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(formatDay('2026-11-30'));
    expect(items[0]).toHaveTextContent('Made before a restore at 14:15');
    expect(items[0]).toHaveTextContent('2.0 MB');
    expect(items[0]).toHaveTextContent('readyfolio-before-restore-2026-11-30-141502.zip');
    expect(items[1]).toHaveTextContent('Daily backup');
    expect(within(items[2]).getByRole('button', { name: `Restore the backup of ${formatDay('2026-11-29')} (readyfolio-2026-11-29.zip)…` })).toBeEnabled();
    expect(screen.getByText("Today's automatic backup was made when ReadyFolio started.")).toBeInTheDocument();

    // A failed automatic backup is explained here too, and the list follows the event.
    fake.world.backups = [aListedBackup({ date: '2026-11-29' })];
    fake.emit('backup:auto', anAutoBackup({ state: 'failed', message: 'Cannot create the folder for automatic backups: permission denied.' }));
    expect(await screen.findByText("Today's automatic backup could not be made.")).toBeInTheDocument();
    expect(screen.getByText(/permission denied/)).toBeInTheDocument();
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
  });

  it('says when there are no backups yet', async () => {
    fake.reset({ backups: [], autoBackup: anAutoBackup({ state: 'running' }) });
    renderPage();
    expect(await screen.findByText('No backups in the data folder yet.')).toBeInTheDocument();
    expect(screen.getByText("Today's automatic backup is being made…")).toBeInTheDocument();
  });

  it('checks a listed backup, says plainly what a restore does, then restores with progress and re-reads everything', async () => {
    const user = userEvent.setup();
    const listed = aListedBackup({ date: '2026-11-28' });
    const before = aListedBackup({ date: '2026-11-30', kind: 'before-restore', time: '14:15:02' });
    fake.reset({
      backups: [listed],
      candidate: aRestoreCandidate({ token: 't-1' }),
      restoreReport: aRestoreReport({ previous: before.path }),
      afterRestore: { backups: [before, listed] },
    });
    const { onrestored } = renderPage();

    await user.click(await screen.findByRole('button', { name: `Restore the backup of ${formatDay('2026-11-28')} (readyfolio-2026-11-28.zip)…` }));
    expect(backupService.restoreAutomatic).toHaveBeenCalledWith('readyfolio-2026-11-28.zip');
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent(
      /Your current portfolio \(14 entries\) will be backed up to backups\/readyfolio-before-restore-… first, then replaced by the backup from .+: 12 entries, 9 files\./,
    );
    expect(dialog).toHaveTextContent(listed.path);
    expect(dialog).toHaveTextContent('by ReadyFolio 0.1.0');
    expect(dialog).toHaveTextContent('The backup includes a signing identity');
    expect(within(dialog).queryByText(/different portfolio/)).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    fake.world.holdBackup = true;
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backupService.restore).toHaveBeenCalledWith(listed.path, 't-1');
    fake.emit('backup:progress', { stage: 'restore', done: MB, total: 4 * MB });
    await waitFor(() => expect(progressText()).toBe('Checking the backup again: 1.0 MB of 2.0 MB'));
    fake.emit('backup:progress', { stage: 'restore', done: 3 * MB, total: 4 * MB });
    await waitFor(() => expect(progressText()).toBe('Unpacking: 1.0 MB of 2.0 MB'));
    fake.emit('backup:progress', { stage: 'restore', done: 4 * MB, total: 4 * MB });
    await waitFor(() => expect(progressText()).toBe('Backing up your current portfolio, then putting the backup in place…'));
    expect(onrestored).not.toHaveBeenCalled();

    fake.finishBackup();
    const heading = await screen.findByRole('heading', { level: 3, name: 'Portfolio restored' });
    await waitFor(() => expect(heading).toHaveFocus());
    const result = heading.parentElement!;
    expect(result).toHaveTextContent(/^.*Restored 12 entries and 9 files from .*readyfolio-2026-11-28\.zip, made .+ by ReadyFolio 0\.1\.0\./);
    expect(result).toHaveTextContent(`Your previous portfolio was backed up first to ${before.path}.`);
    expect(onrestored).toHaveBeenCalledOnce();
    // The safety backup is listed now.
    const list = screen.getByRole('list', { name: 'Backups in the data folder' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Made before a restore at 14:15');
  });

  it('restores from a file only after the confirmation; cancelling it changes nothing', async () => {
    const user = userEvent.setup();
    fake.reset({ candidate: aRestoreCandidate({ samePortfolio: false, backup: aBackupSummary({ identity: false, entries: 1, artifacts: 1 }) }), holdBackup: true });
    const { onrestored } = renderPage();

    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));
    fake.emit('backup:progress', { stage: 'inspect', done: MB, total: 4 * MB });
    await waitFor(() => expect(progressText()).toBe('Checking the backup: 1.0 MB of 4.0 MB'));
    fake.finishBackup();
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent(': 1 entry, 1 file.');
    expect(dialog).toHaveTextContent('The backup has no signing identity');
    expect(dialog).toHaveTextContent('This backup is of a different portfolio than the one open now.');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Nothing was restored.')).toBeInTheDocument();
    expect(backupService.restore).not.toHaveBeenCalled();
    expect(onrestored).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Restore from a file…' })).toHaveFocus();
  });

  it.each([
    ['not a backup', '/home/teacher/portfolio-package.zip is a submission package, not a backup: it holds a signed portfolio for a reviewer, not a data folder.'],
    ['tampered', '/media/usb/backup.zip is damaged or was changed after it was made, so nothing was restored: data/artifacts/ab/abcd… does not match its checksum.'],
    ['newer', '/media/usb/backup.zip was made by a newer version of ReadyFolio (backup format 2; this version restores format 1). Update ReadyFolio to restore it; nothing was restored.'],
  ])('explains a file that cannot be restored (%s) and asks nothing', async (_, message) => {
    const user = userEvent.setup();
    fake.reset({ candidate: aRestoreCandidate() });
    renderPage();
    fake.failNext(backupService.chooseRestore as never, message);

    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));
    const alert = await screen.findByText(message);
    expect(alert.closest('[role="alert"]')).toHaveTextContent(`This backup cannot be restored. ${message}`);
    expect(alert.closest('p')).toHaveFocus();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backupService.restore).not.toHaveBeenCalled();
  });

  it('reports a restore that failed, and still re-reads what is open', async () => {
    const user = userEvent.setup();
    fake.reset({ candidate: aRestoreCandidate() });
    const { onrestored } = renderPage();
    fake.failNext(backupService.restore as never, 'ReadyFolio is still busy with another task (an export, an import or a file being added). Wait until it has finished, then try again; nothing was changed.');

    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }));
    const failure = await screen.findByText(/^The restore did not happen\./);
    expect(failure.closest('[role="alert"]')).toHaveTextContent('still busy with another task');
    expect(screen.queryByRole('heading', { name: 'Portfolio restored' })).not.toBeInTheDocument();
    expect(onrestored).toHaveBeenCalledOnce();
  });
});
