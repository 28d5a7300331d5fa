// The rules for a new passphrase, checked before anything is sent (Go checks them again).

/** identity.MinPassphraseLength: counted in characters, so "Zoë" is three. */
export const minLength = 8;

export const newPassphraseHint = `At least ${minLength} characters. Nobody can recover it for you: if you forget it, you will need a new identity.`;

/** Errors for a new passphrase and its repetition; both "" when they are fine. */
export function checkNewPassphrase(passphrase: string, repeat: string): { passphrase: string; repeat: string } {
  if ([...passphrase].length < minLength || passphrase.trim() === '') {
    return { passphrase: `Use at least ${minLength} characters (not only spaces).`, repeat: '' };
  }
  if (repeat !== passphrase) return { passphrase: '', repeat: 'The two passphrases are not the same; type it again.' };
  return { passphrase: '', repeat: '' };
}
