import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { anAutoBackup } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import AutoBackupNotice from './AutoBackupNotice.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

describe('AutoBackupNotice', () => {
  it('says nothing while the automatic backup runs or when it was made', async () => {
    fake.reset({ autoBackup: anAutoBackup({ state: 'running' }) });
    const { container } = render(AutoBackupNotice, { onopen: vi.fn() });
    fake.emit('backup:auto', anAutoBackup({ state: 'made' }));
    await Promise.resolve();
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('quietly explains a failure that happened before it listened, opens Backups, and can be dismissed', async () => {
    const user = userEvent.setup();
    const onopen = vi.fn();
    fake.reset({ autoBackup: anAutoBackup({ state: 'failed', message: 'There is not enough space on the disk for the automatic backup.' }) });
    render(AutoBackupNotice, { onopen });

    const notice = await screen.findByRole('status');
    expect(notice).toHaveTextContent("Today's automatic backup could not be made. There is not enough space on the disk for the automatic backup.");
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Backups…' }));
    expect(onopen).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows a failure reported by the event', async () => {
    fake.reset({ autoBackup: anAutoBackup({ state: 'running' }) });
    render(AutoBackupNotice, { onopen: vi.fn() });
    fake.emit('backup:auto', anAutoBackup({ state: 'failed', message: 'Cannot create the folder for automatic backups.' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Cannot create the folder for automatic backups.');
  });
});
