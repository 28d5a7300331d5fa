import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ConfirmDialog from './ConfirmDialog.svelte';

describe('ConfirmDialog', () => {
  it('is a labelled modal that keeps focus inside and closes with Escape', async () => {
    const user = userEvent.setup();
    const oncancel = vi.fn();
    const onconfirm = vi.fn();
    render(ConfirmDialog, { title: 'Empty the trash?', message: 'This cannot be undone.', confirmLabel: 'Empty trash', onconfirm, oncancel });

    const dialog = screen.getByRole('dialog', { name: 'Empty the trash?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const confirm = screen.getByRole('button', { name: 'Empty trash' });
    expect(cancel).toHaveFocus();

    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(oncancel).toHaveBeenCalledTimes(1);
    expect(onconfirm).not.toHaveBeenCalled();
  });
});
