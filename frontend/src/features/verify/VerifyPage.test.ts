import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { verifyService } from '../../lib/bridge';
import { aCancelledVerification, anIdentity, aSignatureReport, aVerifiedFile } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import VerifyPage from './VerifyPage.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

describe('VerifyPage', () => {
  it('shows a valid signature with its signer, fingerprint, time, coverage and format', async () => {
    const user = userEvent.setup();
    const signature = aSignatureReport();
    fake.reset({ verified: aVerifiedFile([signature]) });
    render(VerifyPage);

    await user.click(screen.getByRole('button', { name: 'Choose a PDF to verify…' }));

    const verdict = await screen.findByRole('heading', { level: 2, name: 'Valid signature' });
    expect(verdict).toHaveFocus();
    expect(verdict.querySelector('svg')).not.toBeNull(); // an icon as well as words
    expect(screen.getByText('/home/reviewer/Downloads/okafor-portfolio.pdf')).toBeInTheDocument();
    expect(screen.getByText(/^Signed by Amara Okafor, and nothing in the file changed/)).toBeInTheDocument();

    const card = screen.getByRole('heading', { level: 3, name: 'Signature: Amara Okafor' }).closest('section')!;
    const sig = within(card);
    expect(sig.getByText('No problems found with this signature.')).toBeInTheDocument();
    expect(sig.getByText('amara.okafor@example.org')).toBeInTheDocument();
    expect(card.querySelector('code')).toHaveTextContent(anIdentity().fingerprintSha256);
    expect(sig.getByRole('button', { name: 'Copy fingerprint of signature 1' })).toBeInTheDocument();
    expect(sig.getByText('Signed at').nextElementSibling!.textContent).toMatch(/2025/);
    expect(sig.getByText('Covers').nextElementSibling).toHaveTextContent(/^The whole file/);
    expect(sig.getByText('PAdES (ETSI.CAdES.detached)')).toBeInTheDocument();
    expect(sig.getByText('Self-signed: the signer vouches for it themselves.')).toBeInTheDocument();
    expect(sig.getByText('Not checked against trusted certificates.')).toBeInTheDocument();
  });

  it('shows NOT valid with the problems of the file and of each signature', async () => {
    const user = userEvent.setup();
    const tampered = aSignatureReport({
      coversWholeFile: false,
      digestValid: false,
      covered: 'bytes 0–812 and 17198–402311 of 402900: the last 589 bytes were added after signing',
      problems: ['The signed bytes were changed after signing: their hash does not match the one in the signature.'],
    });
    fake.reset({
      verified: aVerifiedFile(
        [tampered],
        ['The file was changed after it was signed: 589 bytes were added after the last signature, so what a reader shows may not be what was signed.'],
      ),
    });
    render(VerifyPage);

    await user.click(screen.getByRole('button', { name: 'Choose a PDF to verify…' }));

    const verdict = await screen.findByRole('heading', { level: 2, name: 'NOT valid' });
    expect(verdict.querySelector('svg')).not.toBeNull();
    expect(screen.queryByText('Valid signature')).not.toBeInTheDocument();
    const fileProblems = screen.getByRole('list', { name: 'Problems with the file' });
    expect(fileProblems).toHaveTextContent('589 bytes were added after the last signature');

    const sigProblems = screen.getByRole('list', { name: 'Problems with signature 1' });
    expect(within(sigProblems).getAllByRole('listitem')).toHaveLength(1);
    expect(sigProblems).toHaveTextContent('their hash does not match the one in the signature');
    expect(screen.getByText('1 problem with this signature:')).toBeInTheDocument();
    expect(screen.getByText('Only part of the file')).toBeInTheDocument();
    expect(screen.getByText(/the last 589 bytes were added after signing/)).toBeInTheDocument();
    expect(screen.getByText('Changed after signing, or unreadable')).toBeInTheDocument();
  });

  it('says when a file is not signed at all', async () => {
    const user = userEvent.setup();
    fake.reset({ verified: aVerifiedFile([], ['The file is not signed.']) });
    render(VerifyPage);

    await user.click(screen.getByRole('button', { name: 'Choose a PDF to verify…' }));

    expect(await screen.findByRole('heading', { name: 'NOT valid' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Problems with the file' })).toHaveTextContent('The file is not signed.');
    expect(screen.queryByRole('heading', { level: 3 })).not.toBeInTheDocument();
  });

  it('numbers several signatures and reports trust when it was checked', async () => {
    const user = userEvent.setup();
    fake.reset({
      verified: aVerifiedFile([
        aSignatureReport({ coversWholeFile: false, trusted: true, selfSigned: false, issuer: 'CN=Lakeside Unified Signing CA' }),
        aSignatureReport({ signer: 'Jordan Reyes', trusted: false, problems: ['The signer\'s certificate is not one of the trusted certificates and does not chain to one.'] }),
      ]),
    });
    render(VerifyPage);

    await user.click(screen.getByRole('button', { name: 'Choose a PDF to verify…' }));

    expect(await screen.findByRole('heading', { name: 'NOT valid' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Signature 1 of 2: Amara Okafor' })).toBeInTheDocument();
    expect(screen.getByText('This signature is intact, but it does not cover the whole file.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Signature 2 of 2: Jordan Reyes' })).toBeInTheDocument();
    expect(screen.getByText(/^Trusted: the certificate is one you trust/)).toBeInTheDocument();
    expect(screen.getByText(/^Not trusted/)).toBeInTheDocument();
    expect(screen.getByText('CN=Lakeside Unified Signing CA')).toBeInTheDocument();
  });

  it("shows Go's message when the file cannot be read, and nothing when the dialog is cancelled", async () => {
    const user = userEvent.setup();
    fake.reset({ verified: aCancelledVerification() });
    render(VerifyPage);

    await user.click(screen.getByRole('button', { name: 'Choose a PDF to verify…' }));
    expect(verifyService.verifyFile).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    fake.failNext(verifyService.verifyFile as never, 'The file is not a PDF, or it is too damaged to read (malformed PDF).');
    await user.click(screen.getByRole('button', { name: 'Choose a PDF to verify…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is not a PDF, or it is too damaged to read (malformed PDF).');
  });
});
