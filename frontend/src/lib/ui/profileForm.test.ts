import { describe, expect, it, vi } from 'vitest';
import { profiles } from '../bridge';
import { aProfile } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import { ProfileForm } from './profileForm.svelte';

vi.mock('../bridge', () => import('../../test/fakeBridge'));

async function loaded(emptyNameMessage = 'Name, please.'): Promise<ProfileForm> {
  const form = new ProfileForm(emptyNameMessage);
  await vi.waitFor(() => expect(form.profile).not.toBeNull());
  return form;
}

describe('ProfileForm', () => {
  it('loads the profile and saves it with the name trimmed', async () => {
    fake.reset({ profile: aProfile({ name: 'Amara Okafor' }) });
    const form = await loaded();
    form.profile!.name = '  Zoë Ñúñez  ';

    const saved = await form.save();

    expect(profiles.save).toHaveBeenCalledWith(expect.objectContaining({ name: 'Zoë Ñúñez' }));
    expect(saved).toEqual(expect.objectContaining({ name: 'Zoë Ñúñez' }));
    expect(form.profile?.name).toBe('Zoë Ñúñez');
    expect(form.saving).toBe(false);
  });

  it('does not save a blank name: says why with its own words and focuses the name', async () => {
    fake.reset();
    const form = await loaded('Please tell us your name.');
    const input = document.body.appendChild(document.createElement('input'));
    form.nameInput = input;
    form.profile!.name = '   ';

    expect(await form.save()).toBeNull();

    expect(profiles.save).not.toHaveBeenCalled();
    expect(form.nameError).toBe('Please tell us your name.');
    expect(input).toHaveFocus();
    input.remove();
  });

  it("shows Go's message when saving fails, and clears it on the next try", async () => {
    fake.reset();
    const form = await loaded();
    fake.failNext(vi.mocked(profiles.save), 'The disk is full.');

    expect(await form.save()).toBeNull();
    expect(form.error).toBe('The disk is full.');
    expect(form.saving).toBe(false);

    expect(await form.save()).not.toBeNull();
    expect(form.error).toBe('');
  });

  it("shows Go's message when the profile cannot be loaded", async () => {
    fake.reset();
    fake.failNext(vi.mocked(profiles.get), 'The portfolio could not be read.');
    const form = new ProfileForm('Name, please.');

    await vi.waitFor(() => expect(form.error).toBe('The portfolio could not be read.'));
    expect(form.profile).toBeNull();
  });

  it('takes a new photo without touching unsaved fields', async () => {
    fake.reset({ profile: aProfile({ school: 'Riverside', photoSha256: '' }) });
    const form = await loaded();
    form.profile!.school = 'Lakeview';

    form.setPhoto('c'.repeat(64));

    expect(form.profile).toEqual(expect.objectContaining({ school: 'Lakeview', photoSha256: 'c'.repeat(64) }));
  });
});
