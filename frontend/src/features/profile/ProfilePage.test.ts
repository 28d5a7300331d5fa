import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { profiles } from '../../lib/bridge';
import { aProfile, tinyPng } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import ProfilePage from './ProfilePage.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

describe('ProfilePage', () => {
  it('edits and saves the profile', async () => {
    const user = userEvent.setup();
    fake.reset({ profile: aProfile({ name: 'Amara Okafor', bio: '' }) });
    render(ProfilePage);

    const bio = await screen.findByLabelText('Short bio');
    await user.type(bio, 'Coach for 14 schools.');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(profiles.save).toHaveBeenCalledWith(expect.objectContaining({ name: 'Amara Okafor', bio: 'Coach for 14 schools.' }));
    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
  });

  it('changes and removes the photo', async () => {
    const user = userEvent.setup();
    fake.reset({ profile: aProfile({ name: '李明' }), photo: tinyPng });
    render(ProfilePage);

    await user.click(await screen.findByRole('button', { name: 'Choose photo…' }));
    expect(await screen.findByRole('img', { name: '李明' })).toHaveAttribute('src', tinyPng);

    await user.click(screen.getByRole('button', { name: 'Remove photo' }));
    expect(profiles.removePhoto).toHaveBeenCalled();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose photo…' })).toBeInTheDocument();
  });

  it('does not save an empty name', async () => {
    const user = userEvent.setup();
    fake.reset({ profile: aProfile() });
    render(ProfilePage);

    await user.clear(await screen.findByLabelText('Name'));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(profiles.save).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Your name cannot be empty.');
  });
});
