import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import FormDialog from './FormDialog.svelte';

const children = createRawSnippet(() => ({ render: () => '<label>Name <input /></label>' }));

function setup(prepare: () => (() => Promise<unknown>) | undefined) {
  const onfailure = vi.fn();
  const onclose = vi.fn();
  render(FormDialog, { title: 'Rename', submitLabel: 'Rename it', busyLabel: 'Renaming…', prepare, onfailure, onclose, children });
  return { onfailure, onclose };
}

describe('FormDialog', () => {
  it('runs nothing when prepare stops, and Cancel closes', async () => {
    const user = userEvent.setup();
    const prepare = vi.fn(() => undefined);
    const { onclose } = setup(prepare);

    expect(screen.getByRole('dialog', { name: 'Rename' })).toContainElement(screen.getByLabelText('Name'));
    await user.click(screen.getByRole('button', { name: 'Rename it' }));
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Rename it' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('is busy while the work runs, then shows its failure until the next attempt', async () => {
    const user = userEvent.setup();
    let finish!: (err?: Error) => void;
    const work = vi.fn(() => new Promise<void>((resolve, reject) => (finish = (err) => (err ? reject(err) : resolve()))));
    const { onfailure } = setup(() => work);

    await user.click(screen.getByRole('button', { name: 'Rename it' }));
    expect(work).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Renaming…' })).toBeDisabled();

    finish(new Error('That name is taken.'));
    expect(await screen.findByRole('alert')).toHaveTextContent('That name is taken.');
    expect(onfailure).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Rename it' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Rename it' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    finish();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Rename it' })).toBeEnabled());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onfailure).toHaveBeenCalledTimes(1);
  });
});
