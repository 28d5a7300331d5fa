import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { artifactService, entryService } from '../../lib/bridge';
import { setKinds } from '../../lib/kinds.svelte';
import type { Entry } from '../../lib/types';
import { aFileArtifact, anEntry, anImageArtifact, aProfile, kindInfos, tinyPng } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import Portfolio from './Portfolio.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

beforeEach(() => setKinds(kindInfos()));

function setup() {
  const entries = [
    anEntry('ai_pilot', {
      title: 'Feedback bot pilot',
      status: 'ready',
      startDate: '2025-01-13',
      endDate: '2025-03-28',
      tags: ['writing', 'feedback'],
      artifacts: [aFileArtifact(), aFileArtifact()],
    }),
    anEntry('pd_led', { title: 'Prompting workshop', startDate: '2024-10-02', tags: ['writing'] }),
    anEntry('artifact', { title: 'Conference poster' }),
  ];
  fake.reset({ entries });
  const onopen = vi.fn();
  render(Portfolio, { onopen });
  return { entries, onopen, user: userEvent.setup() };
}

const titles = () =>
  within(screen.getByRole('list', { name: 'Entries' }))
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent?.trim());

describe('Portfolio', () => {
  it('shows each entry as a card with kind, status, dates, tags and evidence count', async () => {
    setup();
    const card = (await screen.findByRole('article', { name: 'Feedback bot pilot' })) as HTMLElement;

    expect(within(card).getByText('AI pilot')).toBeInTheDocument();
    expect(within(card).getByText('Ready')).toBeInTheDocument();
    expect(within(card).getByText('2 files and links')).toBeInTheDocument();
    expect(within(card).getByRole('list', { name: 'Tags' })).toHaveTextContent(/writing\s*feedback/);
    expect(within(card).getByText(/13.*2025 – .*28.*2025/)).toBeInTheDocument();
    expect(screen.getByText('3 entries')).toBeInTheDocument();
  });

  it('filters by kind, status and tag, and sorts, through the Go filter', async () => {
    const { user } = setup();
    await screen.findByRole('article', { name: 'Conference poster' });

    await user.selectOptions(screen.getByLabelText('Kind'), 'Professional development led');
    expect(await screen.findByText('1 of 3 entries')).toBeInTheDocument();
    expect(titles()).toEqual(['Prompting workshop']);

    await user.selectOptions(screen.getByLabelText('Kind'), 'All kinds');
    await user.selectOptions(screen.getByLabelText('Tag'), 'writing');
    await user.selectOptions(screen.getByLabelText('Entry status'), 'Ready');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Date, oldest first');

    expect(vi.mocked(entryService.list).mock.lastCall![0]).toEqual({
      kinds: [],
      status: 'ready',
      tag: 'writing',
      dateFrom: '',
      dateTo: '',
      sort: 'date_oldest',
    });
    expect(await screen.findByText('Feedback bot pilot')).toBeInTheDocument();
    expect(titles()).toEqual(['Feedback bot pilot']);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Conference poster')).toBeInTheDocument();
    expect(screen.getByText('3 entries')).toBeInTheDocument();
    expect(screen.getByLabelText('Sort by')).toHaveValue('date_oldest'); // clearing filters keeps the sort
  });

  it('keeps the date range behind a Dates disclosure that summarises it', async () => {
    const { user } = setup();
    await screen.findByRole('article', { name: 'Conference poster' });
    const dates = screen.getByRole('button', { name: 'Dates' });

    expect(dates).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByLabelText('From date')).not.toBeVisible();
    await user.click(dates);
    expect(dates).toHaveAttribute('aria-expanded', 'true');
    await fireEvent.input(screen.getByLabelText('From date'), { target: { value: '2025-01-01' } });

    expect(vi.mocked(entryService.list).mock.lastCall![0]).toMatchObject({ dateFrom: '2025-01-01', dateTo: '' });
    expect(await screen.findByText('1 of 3 entries')).toBeInTheDocument();
    expect(titles()).toEqual(['Feedback bot pilot']);
    expect(dates).toHaveTextContent(/^Dates: From .*2025$/);
  });

  it('greets the educator by name and counts the whole portfolio by kind and status', async () => {
    const entries: Entry[] = [
      anEntry('ai_pilot', { title: 'Feedback bot pilot', status: 'ready' }),
      anEntry('ai_pilot', { title: 'Quiz generator pilot' }),
      anEntry('lesson_redesign', { title: 'Oral defence', status: 'ready' }),
      anEntry('pd_led', { title: 'Prompting workshop', status: 'ready' }),
      anEntry('pd_led', { title: 'Coaching cycle' }),
      anEntry('pd_led', { title: 'Summer institute', status: 'ready' }),
    ];
    fake.reset({ entries, profile: aProfile({ name: 'Zoë Ñúñez-Łukasz' }) });
    const user = userEvent.setup();
    render(Portfolio, { onopen: vi.fn() });

    expect(await screen.findByText('Welcome back, Zoë Ñúñez-Łukasz.')).toBeInTheDocument();
    const summary = screen.getByText(/AI pilots/).closest('p')!;
    const text = () => summary.textContent!.replace(/\s+/g, ' ').trim();
    expect(text()).toBe('2 AI pilots · 1 redesign · 3 PD sessions, 4 ready, 2 drafts');

    // Filtering narrows the list, never the portfolio's own counts.
    await user.selectOptions(screen.getByLabelText('Entry status'), 'Draft');
    expect(await screen.findByText('2 of 6 entries')).toBeInTheDocument();
    expect(text()).toBe('2 AI pilots · 1 redesign · 3 PD sessions, 4 ready, 2 drafts');
  });

  it('uses singular words and a plain greeting when the profile has no name', async () => {
    fake.reset({
      entries: [anEntry('artifact', { title: 'Poster', status: 'ready' }), anEntry('lesson_redesign', { title: 'Essay' })],
      profile: aProfile({ name: '  ' }),
    });
    render(Portfolio, { onopen: vi.fn() });

    expect(await screen.findByText('Welcome back.')).toBeInTheDocument();
    const summary = screen.getByText(/^1 redesign/).closest('p')!;
    expect(summary.textContent!.replace(/\s+/g, ' ').trim()).toBe('1 redesign · 1 artifact, 1 ready, 1 draft');
  });

  it('shows a thumbnail of the first image on a card, fetched once per artifact', async () => {
    const pdf = aFileArtifact();
    const photo = anImageArtifact({ caption: 'Students at the station' });
    const secondPhoto = anImageArtifact();
    const entries = [
      anEntry('lesson_redesign', { title: 'Oral defence', artifacts: [pdf, photo, secondPhoto] }),
      anEntry('pd_led', { title: 'Prompting workshop', artifacts: [aFileArtifact()] }),
    ];
    fake.reset({ entries, thumbnails: { [photo.id]: tinyPng, [secondPhoto.id]: 'data:image/jpeg;base64,second' } });
    const view = render(Portfolio, { onopen: vi.fn() });
    const card = (await screen.findByRole('article', { name: 'Oral defence' })) as HTMLElement;

    await vi.waitFor(() => expect(card.querySelector('img')).toHaveAttribute('src', tinyPng));
    expect(card.querySelectorAll('img')).toHaveLength(1);
    expect(screen.getByRole('article', { name: 'Prompting workshop' }).querySelector('img')).toBeNull();
    expect(artifactService.thumbnail).toHaveBeenCalledTimes(1);
    expect(artifactService.thumbnail).toHaveBeenCalledWith(photo.id);
    // The picture is decoration: the card and its title button keep the entry's name alone.
    expect(within(card).getByRole('button', { name: 'Oral defence' })).toBeInTheDocument();

    view.unmount();
    render(Portfolio, { onopen: vi.fn() });
    const again = (await screen.findByRole('article', { name: 'Oral defence' })) as HTMLElement;
    expect(again.querySelector('img')).toHaveAttribute('src', tinyPng);
    expect(artifactService.thumbnail).toHaveBeenCalledTimes(1);
  });

  it('shows no picture when Go has no thumbnail for the image', async () => {
    const photo = anImageArtifact();
    fake.reset({ entries: [anEntry('artifact', { title: 'Poster', artifacts: [photo] })] });
    render(Portfolio, { onopen: vi.fn() });
    const card = (await screen.findByRole('article', { name: 'Poster' })) as HTMLElement;

    await vi.waitFor(() => expect(artifactService.thumbnail).toHaveBeenCalledWith(photo.id));
    await vi.waitFor(() => expect(card.querySelector('.thumbnail')).not.toBeVisible());
    expect(card.querySelector('img')).toBeNull();
  });

  it('reorders with Move up and Move down and keeps the keyboard on the moved card', async () => {
    const { entries, user } = setup();
    await screen.findByRole('article', { name: 'Feedback bot pilot' });

    expect(screen.getByRole('button', { name: 'Move Feedback bot pilot up' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move Feedback bot pilot down' }));

    expect(titles()).toEqual(['Prompting workshop', 'Feedback bot pilot', 'Conference poster']);
    expect(entryService.reorder).toHaveBeenCalledWith([entries[1].id, entries[0].id, entries[2].id]);
    expect(screen.getByRole('button', { name: 'Move Feedback bot pilot down' })).toHaveFocus();
    expect(screen.getByText('Moved “Feedback bot pilot” to position 2 of 3.')).toBeInTheDocument();
  });

  it('offers reordering only in the unfiltered own order', async () => {
    const { user } = setup();
    await screen.findByRole('article', { name: 'Feedback bot pilot' });

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Recently edited');

    expect(screen.queryByRole('button', { name: /^Move / })).not.toBeInTheDocument();
  });

  it('creates an entry of the kind chosen in the New entry menu', async () => {
    const { onopen, user } = setup();
    await screen.findByRole('article', { name: 'Feedback bot pilot' });

    await user.click(screen.getByRole('button', { name: 'New entry' }));
    const menu = screen.getByRole('menu', { name: 'New entry' });
    const items = within(menu).getAllByRole('menuitem');
    ['AI pilot', 'Lesson or assessment redesign', 'Professional development led', 'Other artifact'].forEach((label, i) =>
      expect(items[i]).toHaveAccessibleName(label),
    );
    expect(within(menu).getByRole('menuitem', { name: 'AI pilot' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');

    expect(entryService.create).toHaveBeenCalledWith('lesson_redesign', 'Untitled entry');
    expect(onopen).toHaveBeenCalledWith(expect.any(String), true);
  });

  it('closes the New entry menu with Escape and returns focus to its button', async () => {
    const { user } = setup();
    await screen.findByRole('article', { name: 'Feedback bot pilot' });

    await user.click(screen.getByRole('button', { name: 'New entry' }));
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New entry' })).toHaveFocus();
  });

  it('opens an entry from its title', async () => {
    const { entries, onopen, user } = setup();

    await user.click(await screen.findByRole('button', { name: 'Prompting workshop' }));

    expect(onopen).toHaveBeenCalledWith(entries[1].id, false);
  });
});
