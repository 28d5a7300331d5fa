import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { session } from '../../lib/bridge';
import { aStatus } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import StartupProblem from './StartupProblem.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

const locked = aStatus({
  ready: false,
  problemKind: 'locked',
  problem: 'Another ReadyFolio window is using this portfolio. Close it, then start ReadyFolio again.',
  dataDir: '/home/teacher/.local/share/ReadyFolio',
});

describe('StartupProblem', () => {
  it('shows the problem, the data folder and only the two safe choices', () => {
    fake.reset();
    render(StartupProblem, { status: locked, onstatus: vi.fn() });

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Your portfolio is open somewhere else');
    expect(screen.getByText(locked.problem)).toBeInTheDocument();
    expect(screen.getByText(locked.dataDir)).toBeInTheDocument();
    expect(screen.getAllByRole('button').map((b) => b.textContent?.trim())).toEqual(['Open another folder…', 'Quit']);
  });

  it('opens another folder and hands the new status on', async () => {
    const user = userEvent.setup();
    fake.reset({ status: aStatus({ ready: true, dataDir: '/media/usb/Portfolio' }) });
    const onstatus = vi.fn();
    render(StartupProblem, { status: locked, onstatus });

    await user.click(screen.getByRole('button', { name: 'Open another folder…' }));

    expect(session.openAnotherFolder).toHaveBeenCalled();
    expect(onstatus).toHaveBeenCalledWith(expect.objectContaining({ ready: true, dataDir: '/media/usb/Portfolio' }));
  });

  it('quits', async () => {
    const user = userEvent.setup();
    fake.reset();
    render(StartupProblem, { status: locked, onstatus: vi.fn() });

    await user.click(screen.getByRole('button', { name: 'Quit' }));

    expect(session.quit).toHaveBeenCalled();
  });
});
