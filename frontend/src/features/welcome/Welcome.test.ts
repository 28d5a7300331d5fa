import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { profiles } from '../../lib/bridge';
import { aProfile } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import Welcome from './Welcome.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

function setup() {
  fake.reset({ profile: aProfile({ name: '', role: '', school: '', district: '', email: '' }) });
  const ondone = vi.fn();
  render(Welcome, { ondone });
  return { ondone, user: userEvent.setup() };
}

describe('Welcome', () => {
  it('requires a name before continuing', async () => {
    const { ondone, user } = setup();
    const name = await screen.findByLabelText('Name');

    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(profiles.save).not.toHaveBeenCalled();
    expect(ondone).not.toHaveBeenCalled();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Please tell us your name/);
    expect(name).toHaveFocus();
  });

  it.each(['Zoë Ñúñez-Łukasz', '李明', 'Nguyễn Thị Hồng'])('saves the name %s exactly as written', async (written) => {
    const { ondone, user } = setup();

    await user.type(await screen.findByLabelText('Name'), `  ${written} `);
    await user.type(screen.getByLabelText('School'), 'Escuela Río Claro');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(profiles.save).toHaveBeenCalledWith(expect.objectContaining({ name: written, school: 'Escuela Río Claro' }));
    expect(ondone).toHaveBeenCalledWith(expect.objectContaining({ name: written }));
  });

  it('asks for role, school, district, email, bio and an optional photo', async () => {
    setup();
    await screen.findByLabelText('Name');

    for (const label of ['Role', 'School', 'District', 'Email', 'Short bio']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Choose photo…' })).toBeInTheDocument();
  });
});
