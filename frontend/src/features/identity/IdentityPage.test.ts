import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { clipboard, identityService } from '../../lib/bridge';
import { anIdentity, anIssuedIdentity, aProfile } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import IdentityPage from './IdentityPage.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

const passphrase = 'correct horse battery';

describe('IdentityPage', () => {
  it('shows the certificate with its fingerprint, and copies the fingerprint', async () => {
    const user = userEvent.setup();
    const identity = anIdentity();
    fake.reset({ identity });
    render(IdentityPage);

    const card = (await screen.findByRole('heading', { name: 'Your certificate' })).closest('section')!;
    const facts = within(card);
    expect(facts.getByText('Amara Okafor')).toBeInTheDocument();
    expect(facts.getByText('ECDSA P-256')).toBeInTheDocument();
    expect(facts.getByText(/^Self-signed: you vouch for it yourself/)).toBeInTheDocument();
    expect(facts.getByText(identity.subject)).toBeInTheDocument();
    expect(facts.getByText('Created in ReadyFolio')).toBeInTheDocument();
    const from = facts.getByText('Valid from').nextElementSibling!;
    expect(from.textContent).toMatch(/2025/);
    expect(facts.getByText('Valid until').nextElementSibling!.textContent).toMatch(/2035/);
    const fingerprint = facts.getByText('SHA-256 fingerprint').nextElementSibling!;
    expect(fingerprint.querySelector('code')).toHaveTextContent(identity.fingerprintSha256);

    await user.click(facts.getByRole('button', { name: 'Copy SHA-256 fingerprint' }));
    expect(clipboard.copy).toHaveBeenCalledWith(identity.fingerprintSha256);
    expect(await facts.findByText('Copied.')).toBeInTheDocument();

    // An identity exists: it can be re-protected and shared, not created again.
    expect(screen.queryByRole('button', { name: 'Create a signing identity…' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change passphrase…' })).toBeInTheDocument();
  });

  it('names the issuer of an imported certificate', async () => {
    fake.reset({ identity: anIssuedIdentity() });
    render(IdentityPage);

    expect(await screen.findByText('CN=Lakeside Unified Signing CA, O=Lakeside Unified')).toBeInTheDocument();
    expect(screen.getByText('(with 1 certificate of its chain)')).toBeInTheDocument();
    expect(screen.getByText('Imported from a certificate file')).toBeInTheDocument();
    expect(screen.getByText('RSA 3072')).toBeInTheDocument();
  });

  it('warns in words when the certificate has expired', async () => {
    fake.reset({ identity: anIdentity({ notAfter: '2024-01-01T00:00:00Z', notBefore: '2023-01-01T00:00:00Z' }) });
    render(IdentityPage);

    expect(await screen.findByText('Expired.')).toBeInTheDocument();
  });

  it('creates an identity once the passphrases are long enough and match', async () => {
    const user = userEvent.setup();
    fake.reset({ identity: null, profile: aProfile({ name: 'Zoë Ñúñez', email: 'zoe@example.org' }) });
    render(IdentityPage);

    await user.click(await screen.findByRole('button', { name: 'Create a signing identity…' }));
    const dialog = screen.getByRole('dialog', { name: 'Create a signing identity' });
    expect(dialog).toHaveTextContent('A signing identity is a private key and a certificate with your name');
    expect(await within(dialog).findByText(/Zoë Ñúñez · zoe@example.org/)).toBeInTheDocument();
    const first = within(dialog).getByLabelText('Passphrase');
    const second = within(dialog).getByLabelText('Repeat passphrase');
    expect(first).toHaveFocus();
    expect(first).toHaveAttribute('type', 'password');
    const create = within(dialog).getByRole('button', { name: 'Create identity' });

    await user.type(first, 'short');
    await user.type(second, 'short');
    await user.click(create);
    expect(first).toHaveAccessibleDescription(expect.stringContaining('Use at least 8 characters'));
    expect(first).toHaveFocus();

    await user.clear(first);
    await user.type(first, passphrase);
    await user.clear(second);
    await user.type(second, 'correct horse battery!');
    await user.click(create);
    expect(second).toHaveAccessibleDescription('The two passphrases are not the same; type it again.');
    expect(first).not.toHaveAccessibleDescription(expect.stringContaining('Use at least'));
    expect(identityService.create).not.toHaveBeenCalled();

    await user.type(second, passphrase);
    await user.click(create);

    expect(identityService.create).toHaveBeenCalledWith(passphrase);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByText('Your signing identity is ready. You can now export signed PDFs.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Your certificate' })).toHaveFocus();
    expect(screen.getByText('Zoë Ñúñez')).toBeInTheDocument();
  });

  it('counts characters, not bytes, and clears the fields when Go refuses', async () => {
    const user = userEvent.setup();
    fake.reset({ identity: null });
    render(IdentityPage);
    fake.failNext(identityService.create as never, 'Type your name; it appears in every signature you make.');

    await user.click(await screen.findByRole('button', { name: 'Create a signing identity…' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Passphrase'), 'ŻółćŻółć'); // 8 characters, 14 bytes
    await user.type(within(dialog).getByLabelText('Repeat passphrase'), 'ŻółćŻółć');
    await user.click(within(dialog).getByRole('button', { name: 'Create identity' }));

    expect(identityService.create).toHaveBeenCalledWith('ŻółćŻółć');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Type your name; it appears in every signature you make.');
    expect(within(dialog).getByLabelText('Passphrase')).toHaveValue('');
    expect(within(dialog).getByLabelText('Repeat passphrase')).toHaveValue('');
  });

  it('imports a .p12 file with its own passphrase and a new one', async () => {
    const user = userEvent.setup();
    fake.reset({ identity: null, p12: anIssuedIdentity() });
    render(IdentityPage);

    await user.click(await screen.findByRole('button', { name: 'Import from a .p12 file…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import a signing identity' });
    await user.type(within(dialog).getByLabelText('File passphrase'), 'from the district');
    await user.type(within(dialog).getByLabelText('New passphrase'), passphrase);
    await user.type(within(dialog).getByLabelText('Repeat new passphrase'), passphrase);
    await user.click(within(dialog).getByRole('button', { name: 'Choose file and import…' }));

    expect(identityService.import).toHaveBeenCalledWith('from the district', passphrase);
    expect(await screen.findByText('Imported your signing identity. You can now export signed PDFs.')).toBeInTheDocument();
    expect(screen.getByText('Imported from a certificate file')).toBeInTheDocument();
  });

  it('says nothing changed when the .p12 file dialog is cancelled', async () => {
    const user = userEvent.setup();
    fake.reset({ identity: null, p12: null });
    render(IdentityPage);

    await user.click(await screen.findByRole('button', { name: 'Import from a .p12 file…' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('New passphrase'), passphrase);
    await user.type(within(dialog).getByLabelText('Repeat new passphrase'), passphrase);
    await user.click(within(dialog).getByRole('button', { name: 'Choose file and import…' }));

    expect(await screen.findByText('No file was chosen; nothing was imported.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create a signing identity…' })).toBeInTheDocument();
  });

  it('changes the passphrase, and shows a wrong current one without echoing it', async () => {
    const user = userEvent.setup();
    fake.reset({ identity: anIdentity(), passphrase });
    render(IdentityPage);

    await user.click(await screen.findByRole('button', { name: 'Change passphrase…' }));
    const dialog = screen.getByRole('dialog', { name: 'Change passphrase' });
    await user.type(within(dialog).getByLabelText('Current passphrase'), 'not the one');
    await user.type(within(dialog).getByLabelText('New passphrase'), 'a much longer passphrase');
    await user.type(within(dialog).getByLabelText('Repeat new passphrase'), 'a much longer passphrase');
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The passphrase is wrong; type it again.');
    expect(alert).not.toHaveTextContent('not the one');
    expect(within(dialog).getByLabelText('Current passphrase')).toHaveValue('');
    expect(within(dialog).getByLabelText('Current passphrase')).toHaveFocus();

    await user.type(within(dialog).getByLabelText('Current passphrase'), passphrase);
    await user.type(within(dialog).getByLabelText('New passphrase'), 'a much longer passphrase');
    await user.type(within(dialog).getByLabelText('Repeat new passphrase'), 'a much longer passphrase');
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }));

    expect(identityService.changePassphrase).toHaveBeenLastCalledWith(passphrase, 'a much longer passphrase');
    expect(await screen.findByText('Passphrase changed. Use the new one from now on.')).toBeInTheDocument();
    expect(fake.world.passphrase).toBe('a much longer passphrase');
  });

  it('saves the public certificate and shows where', async () => {
    const user = userEvent.setup();
    fake.reset({ identity: anIdentity(), certificatePath: '/home/teacher/Desktop/okafor.pem' });
    render(IdentityPage);

    await user.click(await screen.findByRole('button', { name: 'Save public certificate…' }));

    await waitFor(() => expect(identityService.exportCertificate).toHaveBeenCalled());
    expect(await screen.findByText(/^Saved the public certificate to \/home\/teacher\/Desktop\/okafor\.pem\./)).toBeInTheDocument();
  });
});
