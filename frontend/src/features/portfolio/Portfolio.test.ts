import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { entryService } from '../../lib/bridge';
import { setKinds } from '../../lib/kinds.svelte';
import { aFileArtifact, anEntry, kindInfos } from '../../test/builders';
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
    expect(await screen.findByText('1 entry')).toBeInTheDocument();
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
