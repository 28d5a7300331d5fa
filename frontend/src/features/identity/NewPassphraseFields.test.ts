import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import NewPassphraseFields from './NewPassphraseFields.svelte';

describe('NewPassphraseFields', () => {
  it('names the repetition after the label', () => {
    render(NewPassphraseFields, { label: 'New passphrase' });
    expect(screen.getByLabelText('New passphrase')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Repeat new passphrase')).toHaveAttribute('autocomplete', 'new-password');
  });

  it('take() marks and focuses what is wrong, and hands over a good passphrase once', async () => {
    const user = userEvent.setup();
    const { component } = render(NewPassphraseFields);
    const first = screen.getByLabelText('Passphrase');
    const second = screen.getByLabelText('Repeat passphrase');

    await user.type(first, 'short');
    expect(flushSync(() => component.take())).toBeNull();
    expect(first).toHaveFocus();
    expect(first).toHaveAccessibleDescription(expect.stringContaining('Use at least 8 characters'));

    await user.clear(first);
    await user.type(first, 'correct horse');
    await user.type(second, 'correct hors');
    expect(flushSync(() => component.take())).toBeNull();
    expect(second).toHaveFocus();
    expect(second).toHaveValue('');
    expect(first).toHaveValue('correct horse');
    expect(second).toHaveAccessibleDescription('The two passphrases are not the same; type it again.');

    await user.type(second, 'correct horse');
    expect(flushSync(() => component.take())).toBe('correct horse');
    expect(first).toHaveValue('');
    expect(second).toHaveValue('');
    expect(second).not.toHaveAccessibleDescription();
  });
});
