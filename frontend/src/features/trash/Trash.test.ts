import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { entryService } from '../../lib/bridge';
import { setKinds } from '../../lib/kinds.svelte';
import { anEntry, kindInfos } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import Trash from './Trash.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

beforeEach(() => setKinds(kindInfos()));

function setup() {
  const trashed = [
    anEntry('ai_pilot', { title: 'Old pilot', deletedAt: '2025-03-01T10:00:00Z' }),
    anEntry('artifact', { title: 'Duplicate poster', deletedAt: '2025-03-02T10:00:00Z' }),
  ];
  fake.reset({ trash: trashed });
  render(Trash);
  return { trashed, user: userEvent.setup() };
}

describe('Trash', () => {
  it('asks before emptying, and does nothing when cancelled', async () => {
    const { user } = setup();
    await screen.findByText('Old pilot');

    await user.click(screen.getByRole('button', { name: 'Empty trash' }));
    const dialog = screen.getByRole('dialog', { name: 'Empty the trash?' });
    expect(dialog).toHaveTextContent('This permanently deletes 2 entries');
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(entryService.emptyTrash).not.toHaveBeenCalled();
    expect(screen.getByText('Old pilot')).toBeInTheDocument();
  });

  it('empties the trash once confirmed', async () => {
    const { user } = setup();
    await screen.findByText('Old pilot');

    await user.click(screen.getByRole('button', { name: 'Empty trash' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Empty trash' }));

    expect(entryService.emptyTrash).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('The trash is empty.')).toBeInTheDocument();
    expect(screen.getByText('Deleted 2 entries for good.')).toBeInTheDocument();
  });

  it('restores an entry', async () => {
    const { trashed, user } = setup();

    await user.click(await screen.findByRole('button', { name: 'Restore Old pilot' }));

    expect(entryService.restore).toHaveBeenCalledWith(trashed[0].id);
    expect(await screen.findByText('“Old pilot” is back in your portfolio.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Old pilot' })).not.toBeInTheDocument();
  });
});
