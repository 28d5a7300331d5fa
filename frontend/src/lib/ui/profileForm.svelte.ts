// The profile being edited, shared by the first-start welcome and the profile page: loads it,
// insists on a name and saves it trimmed. Each screen lays out the fields and says what happens next.
import { profiles } from '../bridge';
import { errorMessage } from '../errors';
import type { Profile } from '../types';

export class ProfileForm {
  /** null until loaded, and when loading failed (error says why). */
  profile = $state<Profile | null>(null);
  nameError = $state('');
  error = $state('');
  saving = $state(false);
  /** The Name input (bind it), focused when the name is missing. */
  nameInput = $state<HTMLInputElement>();

  #emptyNameMessage: string;

  constructor(emptyNameMessage: string) {
    this.#emptyNameMessage = emptyNameMessage;
    profiles.get().then(
      (p) => (this.profile = p),
      (err: unknown) => (this.error = errorMessage(err)),
    );
  }

  /** For ProfilePhoto: takes the new photo reference and leaves unsaved fields alone. */
  setPhoto = (photoSha256: string): void => {
    if (this.profile) this.profile.photoSha256 = photoSha256;
  };

  /** Checks the name and saves; resolves to the saved profile, or null when nothing was saved. */
  async save(): Promise<Profile | null> {
    if (!this.profile) return null;
    this.error = '';
    this.nameError = this.profile.name.trim() === '' ? this.#emptyNameMessage : '';
    if (this.nameError) {
      this.nameInput?.focus();
      return null;
    }
    this.saving = true;
    try {
      const saved = await profiles.save({ ...$state.snapshot(this.profile), name: this.profile.name.trim() });
      this.profile = saved;
      return saved;
    } catch (err) {
      this.error = errorMessage(err);
      return null;
    } finally {
      this.saving = false;
    }
  }
}
