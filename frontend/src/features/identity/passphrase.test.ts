import { describe, expect, it } from 'vitest';
import { checkNewPassphrase, minLength } from './passphrase';

describe('checkNewPassphrase', () => {
  it('wants at least eight characters, counted as characters, and not only spaces', () => {
    expect(minLength).toBe(8);
    expect(checkNewPassphrase('short', 'short').passphrase).toBe('Use at least 8 characters (not only spaces).');
    expect(checkNewPassphrase('        ', '        ').passphrase).toBe('Use at least 8 characters (not only spaces).');
    expect(checkNewPassphrase('Zoë Zoë', 'Zoë Zoë').passphrase).not.toBe('');
    expect(checkNewPassphrase('ŻółćŻółć', 'ŻółćŻółć')).toEqual({ passphrase: '', repeat: '' });
  });

  it('wants the repetition to match, and reports only the first problem', () => {
    expect(checkNewPassphrase('correct horse', 'correct hors')).toEqual({
      passphrase: '',
      repeat: 'The two passphrases are not the same; type it again.',
    });
    expect(checkNewPassphrase('short', 'other').repeat).toBe('');
  });
});
