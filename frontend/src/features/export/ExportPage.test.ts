import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportService } from '../../lib/bridge';
import { setKinds } from '../../lib/kinds.svelte';
import {
  aCancelledExport,
  aCancelledPackage,
  anEntry,
  anEstimate,
  anExportReport,
  anIdentity,
  aPackageReport,
  kindInfos,
} from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import { resetExportChoices } from './choices.svelte';
import ExportPage from './ExportPage.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

const passphrase = 'correct horse battery';

beforeEach(() => {
  setKinds(kindInfos());
  resetExportChoices();
});

function setup(seed: Parameters<typeof fake.reset>[0] = {}, estimateDelay = 0) {
  const pilot = anEntry('ai_pilot', { title: 'Feedback bot pilot', status: 'ready' });
  const workshop = anEntry('pd_led', { title: 'Prompting workshop', status: 'ready' });
  const redesign = anEntry('lesson_redesign', { title: 'Essay redesign' });
  fake.reset({ entries: [pilot, workshop, redesign], identity: anIdentity(), passphrase, ...seed });
  const onidentity = vi.fn();
  render(ExportPage, { onidentity, estimateDelay });
  return { pilot, workshop, redesign, onidentity, user: userEvent.setup() };
}

const lastEstimate = () => vi.mocked(exportService.estimate).mock.lastCall?.[0];

describe('ExportPage', () => {
  it('shows the estimate in pages, size and entries, and the files left out', async () => {
    const { user } = setup({ estimate: anEstimate({ pages: 23, bytes: 4_404_019, entries: 10, leftOut: ['entries/01-pilot/lesson-video.mp4'] }) });

    expect(await screen.findByText('About 23 pages · 4.2 MB · 10 entries')).toBeInTheDocument();
    expect(screen.getByText('entries/01-pilot/lesson-video.mp4')).toBeInTheDocument();
    expect(screen.getByText('1 file too large to embed')).toBeInTheDocument();
    expect(lastEstimate()).toEqual({ preset: 'certification', paper: 'letter', entryIds: [], highlights: [], leaveOutOver: 0 });

    await user.selectOptions(screen.getByLabelText('Leave out files larger than'), '20 MB');
    await user.click(screen.getByRole('radio', { name: 'A4' }));
    await waitFor(() => expect(lastEstimate()).toMatchObject({ paper: 'a4', leaveOutOver: 20 * 1024 * 1024 }));
  });

  it('asks for the estimate once, half a second after a burst of changes', async () => {
    const { user } = setup({}, 500);
    expect(await screen.findByText(/^About 23 pages/)).toBeInTheDocument();
    expect(exportService.estimate).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('radio', { name: 'A4' }));
    await user.click(screen.getByRole('radio', { name: 'Letter' }));
    await user.click(screen.getByRole('radio', { name: 'A4' }));
    await waitFor(() => expect(exportService.estimate).toHaveBeenCalledTimes(2));
    expect(lastEstimate()).toMatchObject({ paper: 'a4' });
  });

  it('warns in words when an interview PDF runs over the page limit', async () => {
    const { user, pilot } = setup({ estimate: anEstimate({ pages: 12, entries: 1 }) });

    await user.click(screen.getByRole('radio', { name: /^Interview/ }));
    expect(await screen.findByText('Pick at least one entry for the interview.')).toBeInTheDocument();
    await user.click(await screen.findByRole('checkbox', { name: `Include ${pilot.title}` }));

    expect(await screen.findByText('About 12 pages · 4.2 MB · 1 entry')).toBeInTheDocument();
    const warning = screen.getByText('Over your limit:').closest('p')!;
    expect(warning).toHaveTextContent('about 12 pages, more than the 8 you asked for');
    expect(warning.querySelector('svg')).not.toBeNull(); // an icon as well as words

    const limit = screen.getByRole('spinbutton', { name: /At most/ });
    expect(limit).toHaveValue(8);
    await user.clear(limit);
    await user.type(limit, '12');
    await waitFor(() => expect(screen.queryByText('Over your limit:')).not.toBeInTheDocument());
  });

  it('sends the interview picks and highlights in the portfolio order', async () => {
    const { user, pilot, workshop, redesign } = setup();

    await user.click(screen.getByRole('radio', { name: /^Interview/ }));
    await user.click(await screen.findByRole('checkbox', { name: `Include ${redesign.title}` }));
    await user.click(screen.getByRole('checkbox', { name: `Include ${pilot.title}` }));
    await user.click(screen.getByRole('checkbox', { name: `Include ${workshop.title}` }));
    expect(screen.getByText('3 entries picked')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: `Highlight ${redesign.title}` }));
    await user.click(screen.getByRole('checkbox', { name: `Highlight ${workshop.title}` }));
    expect(screen.getByText('3 entries picked, 2 highlighted')).toBeInTheDocument();

    const expected = {
      preset: 'interview',
      paper: 'letter',
      entryIds: [pilot.id, workshop.id, redesign.id],
      highlights: [workshop.id, redesign.id],
      leaveOutOver: 0,
    };
    await waitFor(() => expect(lastEstimate()).toEqual(expected));

    // Unpicking an entry drops its highlight too.
    await user.click(screen.getByRole('checkbox', { name: `Include ${workshop.title}` }));
    expect(screen.queryByRole('checkbox', { name: `Highlight ${workshop.title}` })).not.toBeInTheDocument();
    await waitFor(() => expect(lastEstimate()).toMatchObject({ entryIds: [pilot.id, redesign.id], highlights: [redesign.id] }));

    await user.type(screen.getByLabelText('Passphrase'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Export signed PDF…' }));
    expect(exportService.exportPDF).toHaveBeenCalledWith(
      { ...expected, entryIds: [pilot.id, redesign.id], highlights: [redesign.id] },
      passphrase,
    );
  });

  it('sends the passphrase to the export, clears the field and shows what was saved', async () => {
    const { user } = setup({
      exportReport: anExportReport({
        pages: 24,
        bytes: 4_413_210,
        entries: 10,
        attachments: 8,
        warnings: ['The image “scan.heic” of “Feedback bot pilot” could not be shown: its format is not supported.'],
      }),
    });

    expect(await screen.findByText(/Signed by/)).toHaveTextContent('Signed by Amara Okafor');
    const field = screen.getByLabelText('Passphrase');
    expect(field).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show passphrase' }));
    expect(field).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide passphrase' }));
    await user.type(field, passphrase);
    await user.click(screen.getByRole('button', { name: 'Export signed PDF…' }));

    expect(exportService.exportPDF).toHaveBeenCalledWith(expect.objectContaining({ preset: 'certification' }), passphrase);
    const heading = await screen.findByRole('heading', { name: 'Signed PDF saved' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('/home/teacher/Documents/portfolio.pdf')).toBeInTheDocument();
    const result = heading.parentElement!;
    expect(result).toHaveTextContent('24 pages');
    expect(result).toHaveTextContent('4.2 MB');
    expect(result).toHaveTextContent('8 files embedded');
    expect(within(result).getByText(/scan\.heic/)).toBeInTheDocument();
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');
  });

  it('shows the progress of the export in words and lets it be cancelled', async () => {
    const { user } = setup({ holdExport: true });

    await user.type(await screen.findByLabelText('Passphrase'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Export signed PDF…' }));
    const bar = await screen.findByRole('progressbar');
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();

    fake.emit('export:progress', { stage: 'layout', done: 3, total: 10 });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', 'Laying out pages: entry 3 of 10'));
    expect(screen.getByText('Laying out pages: entry 3 of 10')).toBeInTheDocument();
    const first = Number(bar.getAttribute('aria-valuenow'));
    expect(first).toBeGreaterThan(0);
    expect((bar.firstElementChild as HTMLElement).style.width).toBe(`${first}%`);

    fake.emit('export:progress', { stage: 'entries', done: 5, total: 10 });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', 'Drawing pages: entry 5 of 10'));
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(first);

    fake.emit('export:progress', { stage: 'attachments', done: 1, total: 4 });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', 'Embedding files: 1 of 4'));

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(exportService.cancel).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Export cancelled: no file was saved.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    expect(screen.getByRole('button', { name: 'Export signed PDF…' })).toHaveFocus();
  });

  it('finishes a held export with the report', async () => {
    const { user } = setup({ holdExport: true });

    await user.type(await screen.findByLabelText('Passphrase'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Export signed PDF…' }));
    fake.emit('export:progress', { stage: 'attachments', done: 4, total: 4 });
    expect(await screen.findByText('Signing the PDF…', { selector: '.stage' })).toBeInTheDocument();
    fake.finishExport();

    expect(await screen.findByRole('heading', { name: 'Signed PDF saved' })).toBeInTheDocument();
  });

  it("shows Go's message when the export fails, and never the passphrase", async () => {
    const { user } = setup();

    await user.type(await screen.findByLabelText('Passphrase'), 'wrong horse battery');
    await user.click(screen.getByRole('button', { name: 'Export signed PDF…' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('The PDF was not saved. The passphrase is wrong; type it again.'));
    expect(alert).not.toHaveTextContent('wrong horse battery');
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');
    expect(screen.getByLabelText('Passphrase')).toHaveFocus();
    expect(screen.queryByRole('heading', { name: 'Signed PDF saved' })).not.toBeInTheDocument();
  });

  it('asks for the passphrase before exporting', async () => {
    const { user } = setup();

    await user.click(await screen.findByRole('button', { name: 'Export signed PDF…' }));

    expect(exportService.exportPDF).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Passphrase')).toHaveAccessibleDescription(expect.stringContaining('Type the passphrase of your signing identity.'));
    expect(screen.getByLabelText('Passphrase')).toHaveFocus();
  });

  it('says so quietly when the save dialog is cancelled', async () => {
    const { user } = setup({ exportReport: aCancelledExport() });

    await user.type(await screen.findByLabelText('Passphrase'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Export signed PDF…' }));

    expect(await screen.findByText('Export cancelled: no file was saved.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Signed PDF saved' })).not.toBeInTheDocument();
  });

  it('sends the educator to the identity page when there is no identity yet', async () => {
    const { user, onidentity } = setup({ identity: null });

    expect(await screen.findByText('You need a signing identity first.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Set up a signing identity' }));
    expect(onidentity).toHaveBeenCalled();
  });

  it('shows why the estimate failed', async () => {
    fake.reset();
    fake.failNext(
      exportService.estimate as never,
      'There is nothing to export: mark entries as ready and included in exports, or pick entries for the interview preset.',
    );
    render(ExportPage, { onidentity: vi.fn(), estimateDelay: 0 });

    expect(await screen.findByText(/^There is nothing to export/)).toBeInTheDocument();
  });

  it('offers the submission package as a third choice, estimates it with its originals and exports it', async () => {
    const { user } = setup({
      estimate: anEstimate({ pages: 24, bytes: 9_437_184, entries: 10 }),
      holdExport: true,
      packageReport: aPackageReport({ pdf: { pages: 24, images: 6, placeholders: 0, attachments: 1, warnings: ['The image “scan.heic” could not be shown.'] } }),
    });

    const choice = screen.getByRole('radio', { name: /^Submission package \(\.zip\)/ });
    expect(choice).toHaveAccessibleName(
      'Submission package (.zip) — the signed PDF, portfolio.json, an offline viewer and every original file, for a certifying body',
    );
    await user.click(choice);
    expect(screen.queryByLabelText('Leave out files larger than')).not.toBeInTheDocument();
    expect(screen.getByText(/every original file beside the PDF: nothing is left out/)).toBeInTheDocument();
    await waitFor(() => expect(lastEstimate()).toEqual({ preset: 'package', paper: 'letter', entryIds: [], highlights: [], leaveOutOver: 0 }));
    expect(await screen.findByText('About 24 pages · 9.0 MB · 10 entries')).toBeInTheDocument();
    expect(screen.getByText('The size counts the signed PDF and every original file.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Passphrase'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Export signed package…' }));
    expect(exportService.exportPackage).toHaveBeenCalledWith(expect.objectContaining({ preset: 'package' }), passphrase);
    expect(exportService.exportPDF).not.toHaveBeenCalled();

    const bar = await screen.findByRole('progressbar');
    fake.emit('export:progress', { stage: 'entries', done: 10, total: 10 });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', 'Drawing pages: entry 10 of 10'));
    const drawn = Number(bar.getAttribute('aria-valuenow'));
    fake.emit('export:progress', { stage: 'attachments', done: 1, total: 1 });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', 'Signing the PDF…'));
    fake.emit('export:progress', { stage: 'package', done: 3, total: 12 });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', 'Packing files: 3 of 12'));
    expect(screen.getByText('Packing files: 3 of 12')).toBeInTheDocument();
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(drawn);
    fake.emit('export:progress', { stage: 'package', done: 12, total: 12 });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', 'Signing the package…'));
    fake.finishExport();

    const heading = await screen.findByRole('heading', { name: 'Submission package saved' });
    expect(heading).toHaveFocus();
    const result = heading.parentElement!;
    expect(within(result).getByText('/home/teacher/Documents/portfolio-package.zip')).toBeInTheDocument();
    for (const fact of ['9.0 MB', '10 entries', '12 original files', 'signed PDF of 24 pages']) {
      expect(within(result).getByText(fact)).toBeInTheDocument();
    }
    expect(within(result).getByText(/scan\.heic/)).toBeInTheDocument();
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');
  });

  it('cancels a package like a PDF, and names the package when it fails', async () => {
    const { user } = setup({ holdExport: true });

    await user.click(screen.getByRole('radio', { name: /^Submission package/ }));
    await user.type(await screen.findByLabelText('Passphrase'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Export signed package…' }));
    fake.emit('export:progress', { stage: 'package', done: 2, total: 12 });
    await screen.findByText('Packing files: 2 of 12');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(exportService.cancel).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Export cancelled: no file was saved.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export signed package…' })).toHaveFocus();

    fake.world.holdExport = false;
    fake.world.packageReport = aCancelledPackage();
    await user.type(screen.getByLabelText('Passphrase'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Export signed package…' }));
    expect(await screen.findByText('Export cancelled: no file was saved.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Passphrase'), 'wrong horse battery');
    await user.click(screen.getByRole('button', { name: 'Export signed package…' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('The package was not saved. The passphrase is wrong; type it again.'));
    expect(screen.queryByRole('heading', { name: 'Submission package saved' })).not.toBeInTheDocument();
  });
});
