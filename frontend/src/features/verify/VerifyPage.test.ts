import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { verifyService } from '../../lib/bridge';
import {
  aCancelledVerification,
  anIdentity,
  aPackageVerification,
  aSignatureReport,
  aVerifiedFile,
  aVerifiedPackage,
} from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import VerifyPage from './VerifyPage.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

describe('VerifyPage', () => {
  it('shows a valid signature with its signer, fingerprint, time, coverage and format', async () => {
    const user = userEvent.setup();
    const signature = aSignatureReport();
    fake.reset({ verified: aVerifiedFile([signature]) });
    render(VerifyPage);

    await user.click(screen.getByRole('button', { name: 'Choose a PDF or package…' }));

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

    await user.click(screen.getByRole('button', { name: 'Choose a PDF or package…' }));

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

    await user.click(screen.getByRole('button', { name: 'Choose a PDF or package…' }));

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

    await user.click(screen.getByRole('button', { name: 'Choose a PDF or package…' }));

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

    await user.click(screen.getByRole('button', { name: 'Choose a PDF or package…' }));
    expect(verifyService.verifyFile).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    fake.failNext(verifyService.verifyFile as never, 'The file is not a PDF, or it is too damaged to read (malformed PDF).');
    await user.click(screen.getByRole('button', { name: 'Choose a PDF or package…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is not a PDF, or it is too damaged to read (malformed PDF).');
  });
});

describe('VerifyPage with a submission package', () => {
  const choose = async (user: ReturnType<typeof userEvent.setup>) =>
    user.click(screen.getByRole('button', { name: 'Choose a PDF or package…' }));

  it('shows a valid package: verdict, what it holds, the package signature and the PDF signature', async () => {
    const user = userEvent.setup();
    fake.reset({ verified: aVerifiedPackage() });
    render(VerifyPage);

    await choose(user);

    const verdict = await screen.findByRole('heading', { level: 2, name: 'Valid package' });
    expect(verdict).toHaveFocus();
    expect(verdict.querySelector('svg')).not.toBeNull();
    expect(screen.getByText('/home/reviewer/Downloads/okafor-package.zip')).toBeInTheDocument();
    expect(screen.getByText(/^Signed by Amara Okafor\. Every file in the package is the one they signed/)).toBeInTheDocument();

    const holds = within(screen.getByRole('region', { name: 'What the package holds' }));
    expect(holds.getByText('Portfolio of').nextElementSibling).toHaveTextContent('Amara Okafor');
    expect(holds.getByText('District').nextElementSibling).toHaveTextContent('Lakeside Unified');
    expect(holds.getByText('Evidence').nextElementSibling).toHaveTextContent('10 entries, 12 original files');
    expect(holds.getByText('Made').nextElementSibling!.textContent).toMatch(/2025/);

    const pkg = within(screen.getByRole('region', { name: 'Package signature: Amara Okafor' }));
    expect(pkg.getByText('No problems found with this signature.')).toBeInTheDocument();
    expect(pkg.getByText('tagmanifest-sha256.txt.p7s')).toBeInTheDocument();
    expect(pkg.getByText('Detached CMS signature')).toBeInTheDocument();
    expect(pkg.getByText('Self-signed: the signer vouches for it themselves.')).toBeInTheDocument();
    expect(pkg.getByRole('button', { name: 'Copy fingerprint of the package signature' })).toBeInTheDocument();
    expect(pkg.getByText('Signed at').nextElementSibling!.textContent).toMatch(/2025/);

    const pdf = within(screen.getByRole('region', { name: 'PDF signature: Amara Okafor' }));
    expect(pdf.getByText('data/portfolio.pdf')).toBeInTheDocument();
    expect(pdf.getByText('PAdES (ETSI.CAdES.detached)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Review the portfolio (read-only)' })).toBeInTheDocument();
  });

  it('names the file of every problem of a package that is NOT valid, and offers no review', async () => {
    const user = userEvent.setup();
    const pdfSignature = aSignatureReport({
      digestValid: false,
      problems: ['The signed bytes were changed after signing: their hash does not match the one in the signature.'],
    });
    fake.reset({
      verified: aVerifiedPackage(
        aPackageVerification({
          problems: [
            { File: 'data/artifacts/01-feedback-bot-pilot/lab-photo.jpg', Message: 'SHA-256 differs from manifest-sha256.txt: the file was changed' },
            { File: 'data/portfolio.pdf', Message: 'The signed bytes were changed after signing: their hash does not match the one in the signature.' },
            { File: 'bag-info.txt', Message: 'Payload-Oxum says 12 files of 9437184 bytes, the package holds 12 files of 9437185 bytes' },
          ],
          pdf: { valid: false, signatures: [pdfSignature], problems: [] },
        }),
      ),
    });
    render(VerifyPage);

    await choose(user);

    expect(await screen.findByRole('heading', { level: 2, name: 'NOT valid' })).toBeInTheDocument();
    expect(screen.getByText(/Do not rely on this package as it is\. 3 problems, each with the file it is about:/)).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: 'Problems with the package' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('data/artifacts/01-feedback-bot-pilot/lab-photo.jpg: SHA-256 differs from manifest-sha256.txt');
    expect(items[0].querySelector('code')).toHaveTextContent('data/artifacts/01-feedback-bot-pilot/lab-photo.jpg');
    expect(items[2]).toHaveTextContent('bag-info.txt: Payload-Oxum says');

    const pdf = within(screen.getByRole('region', { name: 'PDF signature: Amara Okafor' }));
    expect(pdf.getByText('1 problem with this signature:')).toBeInTheDocument();
    expect(pdf.getByText('Changed after signing, or unreadable')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Review the portfolio/ })).not.toBeInTheDocument();
  });

  it('says when an unsafe zip was refused before anything was read', async () => {
    const user = userEvent.setup();
    fake.reset({
      verified: aVerifiedPackage(
        aPackageVerification({
          problems: [{ File: '(the zip)', Message: 'The package was refused: it holds a file named "../evil.sh" outside its folder.' }],
          manifestSignature: undefined,
          pdf: undefined,
          portfolio: { id: '', name: '', district: '', entries: 0, artifacts: 0, credentials: 0, generatedAt: '0001-01-01T00:00:00Z' },
        }),
      ),
    });
    render(VerifyPage);

    await choose(user);

    expect(await screen.findByRole('heading', { name: 'NOT valid' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Problems with the package' })).toHaveTextContent('(the zip): The package was refused');
    expect(screen.queryByRole('region', { name: 'What the package holds' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3 })).not.toBeInTheDocument();
  });

  it('shows progress while a large package is hashed', async () => {
    const user = userEvent.setup();
    fake.reset();
    let finish: (v: ReturnType<typeof aVerifiedPackage>) => void = () => {};
    vi.mocked(verifyService.verifyFile).mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    render(VerifyPage);

    await choose(user);
    expect(screen.getByRole('button', { name: 'Checking…' })).toBeDisabled();
    fake.emit('verify:progress', { done: 1024 * 1024, total: 4 * 1024 * 1024 });
    const bar = await screen.findByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuetext', 'Checking the package: 1.0 MB of 4.0 MB');
    expect(bar).toHaveAttribute('aria-valuenow', '25');

    finish(aVerifiedPackage());
    expect(await screen.findByRole('heading', { name: 'Valid package' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});

describe('Reviewer mode', () => {
  async function openReviewer(seed: Parameters<typeof fake.reset>[0] = {}) {
    const user = userEvent.setup();
    fake.reset({ verified: aVerifiedPackage(), ...seed });
    render(VerifyPage);
    await user.click(screen.getByRole('button', { name: 'Choose a PDF or package…' }));
    await user.click(await screen.findByRole('button', { name: 'Review the portfolio (read-only)' }));
    return user;
  }

  it('shows the package portfolio read-only: profile, entries with fields, reflection, outcomes, competencies and files', async () => {
    await openReviewer();

    const title = await screen.findByRole('heading', { level: 1, name: 'Amara Okafor' });
    expect(title).toHaveFocus();
    expect(verifyService.packagePortfolio).toHaveBeenCalledWith('review-token-1');
    expect(screen.getByRole('note', { name: 'Reviewer mode' })).toHaveTextContent('Reviewing a package — read-only');
    expect(screen.getByText('/home/reviewer/Downloads/okafor-package.zip')).toBeInTheDocument();

    const profile = within(screen.getByRole('region', { name: 'Profile' }));
    expect(profile.getByText('School').nextElementSibling).toHaveTextContent('Riverside Middle School');
    expect(profile.getByText('Science teacher and AI lead.')).toBeInTheDocument();

    const entry = within(screen.getByRole('article', { name: 'Feedback bot pilot' }));
    expect(entry.getByText('AI pilot')).toBeInTheDocument();
    expect(entry.getByText('Pilot completed')).toBeInTheDocument();
    expect(entry.getByText('Grades and subjects').nextElementSibling).toHaveTextContent('Grade 7 science');
    expect(entry.getByRole('heading', { name: 'Problem or goal' }).nextElementSibling).toHaveTextContent('Students waited a week');
    expect(entry.getByRole('table')).toHaveTextContent('Days to feedback71');
    expect(entry.getByText('What would you do differently if you ran it again?')).toBeInTheDocument();
    expect(entry.getByText('Start with the rubric.')).toBeInTheDocument();
    expect(entry.getByText('4.2 AI-pedagogy integration')).toBeInTheDocument();
    expect(entry.getByText('Deepen')).toBeInTheDocument();
    const files = within(entry.getByRole('list', { name: 'Files and links of Feedback bot pilot' }));
    expect(files.getByText('lab-photo.jpg')).toBeInTheDocument();
    expect(files.getByText('JPEG image · 120 KB')).toBeInTheDocument();
    expect(files.getByText('https://example.org/slides')).toBeInTheDocument();
    // Only files open, and only through Go; a link is shown, not followed.
    expect(files.getAllByRole('button')).toHaveLength(1);
    expect(files.queryByRole('link')).not.toBeInTheDocument();

    // Read-only: no field, box or menu anywhere, and nothing is editable.
    for (const role of ['textbox', 'checkbox', 'radio', 'combobox', 'spinbutton', 'searchbox', 'slider']) {
      expect(screen.queryAllByRole(role)).toHaveLength(0);
    }
    expect(document.querySelectorAll('input, textarea, select, [contenteditable="true"]')).toHaveLength(0);
  });

  it('opens originals and the signed PDF through Go, and goes back to the verification', async () => {
    const user = await openReviewer();

    await user.click(await screen.findByRole('button', { name: 'Open lab-photo.jpg' }));
    expect(verifyService.openOriginal).toHaveBeenCalledWith('review-token-1', 'artifacts/01-feedback-bot-pilot/lab-photo.jpg');
    await user.click(screen.getByRole('button', { name: 'Open the signed PDF' }));
    expect(fake.world.opened).toEqual(['artifacts/01-feedback-bot-pilot/lab-photo.jpg', 'portfolio.pdf']);

    fake.failNext(verifyService.openOriginal as never, 'data/artifacts/01-feedback-bot-pilot/lab-photo.jpg is no longer what was verified; verify the package again.');
    await user.click(screen.getByRole('button', { name: 'Open lab-photo.jpg' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('lab-photo.jpg could not be opened. data/artifacts/01-feedback-bot-pilot/lab-photo.jpg is no longer what was verified');

    await user.click(screen.getByRole('button', { name: 'Back to the verification' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Valid package' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Review the portfolio (read-only)' })).toHaveFocus();
  });

  it("shows Go's message when the package can no longer be read", async () => {
    fake.reset();
    fake.failNext(verifyService.packagePortfolio as never, '/home/reviewer/Downloads/okafor-package.zip changed after it was verified; verify it again.');
    const user = userEvent.setup();
    fake.world.verified = aVerifiedPackage();
    render(VerifyPage);
    await user.click(screen.getByRole('button', { name: 'Choose a PDF or package…' }));
    await user.click(await screen.findByRole('button', { name: 'Review the portfolio (read-only)' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The package cannot be shown. /home/reviewer/Downloads/okafor-package.zip changed after it was verified');
    expect(screen.getByRole('button', { name: 'Back to the verification' })).toBeInTheDocument();
  });
});
