import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { artifactService } from '../../lib/bridge';
import type { Artifact, ArtifactRole } from '../../lib/types';
import { aFileArtifact, aLinkArtifact, anEntry, anImageArtifact, tinyPng } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import ArtifactList from './ArtifactList.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

afterEach(() => {
  vi.useRealTimers();
});

function renderList(artifacts: Artifact[], role: ArtifactRole = 'attachment') {
  const entry = anEntry('ai_pilot', { artifacts });
  for (const a of artifacts) a.entryId = entry.id;
  const photo = artifacts.find((a) => a.mediaType === 'image/jpeg');
  fake.reset({ entries: [entry], thumbnails: photo ? { [photo.id]: tinyPng } : {} });
  render(ArtifactList, { entryId: entry.id, role, heading: 'Files and links', artifacts });
  return entry;
}

describe('ArtifactList', () => {
  it('shows a thumbnail for images and type and size for other files', async () => {
    const photo = anImageArtifact({ fileName: 'poster.jpg', caption: 'Gallery walk' });
    const pdf = aFileArtifact({ fileName: 'survey-results.pdf', size: 248_832 });
    renderList([photo, pdf]);

    const img = await screen.findByRole('img', { name: 'Gallery walk' });
    expect(img).toHaveAttribute('src', tinyPng);
    expect(artifactService.thumbnail).toHaveBeenCalledWith(photo.id);
    expect(artifactService.thumbnail).not.toHaveBeenCalledWith(pdf.id);
    expect(screen.getByText('survey-results.pdf')).toBeInTheDocument();
    expect(screen.getByText('PDF · 243 KB')).toBeInTheDocument();
  });

  it('lists only the artifacts of its own role', () => {
    renderList([aFileArtifact({ fileName: 'before.pdf', role: 'original' }), aFileArtifact({ fileName: 'after.pdf', role: 'redesign' })], 'original');

    expect(screen.getByText('before.pdf')).toBeInTheDocument();
    expect(screen.queryByText('after.pdf')).not.toBeInTheDocument();
  });

  it('saves an edited caption after a pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const pdf = aFileArtifact({ fileName: 'survey-results.pdf' });
    renderList([pdf]);

    await user.type(screen.getByLabelText('Caption for survey-results.pdf'), 'Pre/post survey');
    expect(artifactService.update).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);

    expect(artifactService.update).toHaveBeenCalledTimes(1);
    expect(vi.mocked(artifactService.update).mock.lastCall![0]).toMatchObject({ id: pdf.id, caption: 'Pre/post survey' });
  });

  it('asks before removing, and keeps the file when cancelled', async () => {
    const user = userEvent.setup();
    const pdf = aFileArtifact({ fileName: 'survey-results.pdf' });
    renderList([pdf]);

    await user.click(screen.getByRole('button', { name: 'Remove survey-results.pdf' }));
    let dialog = screen.getByRole('dialog', { name: 'Remove this file?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(artifactService.remove).not.toHaveBeenCalled();
    expect(screen.getByText('survey-results.pdf')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove survey-results.pdf' }));
    dialog = screen.getByRole('dialog', { name: 'Remove this file?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    expect(artifactService.remove).toHaveBeenCalledWith(pdf.id);
    expect(screen.queryByText('survey-results.pdf')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose files…' })).toHaveFocus();
  });

  it('opens links only through the system, never as an in-app link', async () => {
    const user = userEvent.setup();
    const link = aLinkArtifact({ linkTitle: 'District AI guidance', url: 'https://example.org/ai' });
    renderList([link]);

    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('https://example.org/ai')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'District AI guidance' }));

    expect(artifactService.openExternally).toHaveBeenCalledWith(link.id);
  });

  it('imports files chosen in the native dialog', async () => {
    const user = userEvent.setup();
    const entry = renderList([]);
    fake.world.pickedFiles = ['/home/teacher/Documents/rubric.pdf'];

    await user.click(screen.getByRole('button', { name: 'Choose files…' }));

    expect(artifactService.pickFiles).toHaveBeenCalledWith(entry.id, 'attachment');
    expect(await screen.findByText('rubric.pdf')).toBeInTheDocument();
  });

  it('imports files dropped on the list', async () => {
    const entry = renderList([], 'redesign');
    const zone = screen.getByText(/Drop files here/);
    document.elementFromPoint = () => zone;

    fake.drop(10, 20, ['/home/teacher/new-lesson.pdf']);

    expect(artifactService.addFiles).toHaveBeenCalledWith(entry.id, 'redesign', ['/home/teacher/new-lesson.pdf']);
    expect(await screen.findByText('new-lesson.pdf')).toBeInTheDocument();
  });

  it('adds a link with title and caption', async () => {
    const user = userEvent.setup();
    const entry = renderList([]);

    await user.click(screen.getByRole('button', { name: 'Add a link…' }));
    await user.type(screen.getByLabelText('Link address (URL)'), 'https://example.org/slides');
    await user.type(screen.getByLabelText('Link title'), 'Workshop slides');
    await user.type(screen.getByLabelText('Link caption'), 'Shared with all staff{Enter}');

    expect(artifactService.addLink).toHaveBeenCalledWith(
      entry.id,
      'attachment',
      'https://example.org/slides',
      'Workshop slides',
      'Shared with all staff',
    );
    expect(await screen.findByRole('button', { name: 'Workshop slides' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a link…' })).toHaveFocus();
  });

  it('cancels the link form with Escape and returns to its button', async () => {
    const user = userEvent.setup();
    renderList([]);

    await user.click(screen.getByRole('button', { name: 'Add a link…' }));
    expect(screen.getByLabelText('Link address (URL)')).toHaveFocus();
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('form', { name: 'Add a link' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a link…' })).toHaveFocus();
    expect(artifactService.addLink).not.toHaveBeenCalled();
  });

  it('shows import progress for large files', async () => {
    const entry = renderList([]);

    fake.emit('artifacts:progress', { entryId: entry.id, fileName: 'lecture.mp4', bytesDone: 50, bytesTotal: 200 });

    expect(await screen.findByLabelText('Importing lecture.mp4…')).toHaveValue(25);
  });
});
