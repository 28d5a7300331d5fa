import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import ChipInput from './ChipInput.svelte';

describe('ChipInput', () => {
  it('adds words on Enter, comma and leaving the box, skipping duplicates', async () => {
    const user = userEvent.setup();
    render(ChipInput, { label: 'Tags', itemName: 'tag', values: [] });
    const box = screen.getByLabelText('Tags');

    await user.type(box, 'equity{Enter}grading,  Equity {Enter}');
    await user.type(box, 'feedback');
    await user.tab();

    const chips = screen.getAllByRole('listitem').map((li) => li.textContent?.replace('×', '').trim());
    expect(chips).toEqual(['equity', 'grading', 'feedback']);
  });

  it('removes with its button or Backspace in the empty box', async () => {
    const user = userEvent.setup();
    render(ChipInput, { label: 'AI tools used', itemName: 'AI tool', values: ['Claude', 'Gemini', 'Khanmigo'] });

    await user.click(screen.getByRole('button', { name: 'Remove AI tool Gemini' }));
    await user.type(screen.getByLabelText('AI tools used'), '{Backspace}');

    expect(screen.getAllByRole('listitem').map((li) => li.textContent?.replace('×', '').trim())).toEqual(['Claude']);
  });
});
