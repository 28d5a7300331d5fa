import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchService } from '../../lib/bridge';
import { setKinds } from '../../lib/kinds.svelte';
import { anEntry, aSearchHit, kindInfos } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import Search from './Search.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  setKinds(kindInfos());
});

afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const onopen = vi.fn();
  render(Search, { onopen });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  return { onopen, user, box: screen.getByRole('searchbox', { name: 'Search your portfolio' }) };
}

describe('Search', () => {
  it('shows results as you type, debounced, with the match highlighted', async () => {
    const pilot = anEntry('ai_pilot', { title: 'Chatbot feedback pilot' });
    fake.reset({ entries: [pilot, anEntry('pd_led', { title: 'Prompting workshop' })] });
    const { user, box } = setup();

    await user.type(box, 'chat');
    expect(searchService.search).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(150);

    expect(searchService.search).toHaveBeenCalledTimes(1);
    expect(searchService.search).toHaveBeenCalledWith('chat');
    const results = await screen.findByRole('list', { name: 'Search results' });
    const result = within(results).getByRole('button');
    expect(within(result).getByText('AI pilot')).toBeInTheDocument();
    expect(within(result).getByText('Chatbot feedback pilot')).toBeInTheDocument();
    expect(result.querySelector('mark')).toHaveTextContent(/^Chat$/);
    expect(screen.getByText('1 result')).toBeInTheDocument();
  });

  it('shows markup in a snippet as text, never as HTML', async () => {
    const entry = anEntry('artifact', { title: 'Unsafe notes' });
    const attack = '<img src=x onerror="window.hacked=1">';
    fake.reset({ searchHits: [aSearchHit(entry, `before ${attack} [match] after`)] });
    const { user, box } = setup();

    await user.type(box, 'match');
    await vi.advanceTimersByTimeAsync(150);

    const result = await screen.findByRole('button', { name: /Unsafe notes/ });
    expect(result.querySelector('img')).toBeNull();
    expect(result).toHaveTextContent(`before ${attack} match after`);
    expect(result.querySelector('mark')).toHaveTextContent('match');
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('opens the entry on click or with Enter in the box', async () => {
    const entry = anEntry('pd_led', { title: 'Prompting workshop' });
    fake.reset({ entries: [entry] });
    const { onopen, user, box } = setup();

    await user.type(box, 'workshop');
    await vi.advanceTimersByTimeAsync(150);
    await user.click(await screen.findByRole('button', { name: /Prompting workshop/ }));
    expect(onopen).toHaveBeenCalledWith(entry.id);

    onopen.mockClear();
    await user.type(box, '{Enter}');
    expect(onopen).toHaveBeenCalledWith(entry.id);
  });

  it('says so when nothing matches', async () => {
    fake.reset({ entries: [] });
    const { user, box } = setup();

    await user.type(box, 'zebra');
    await vi.advanceTimersByTimeAsync(150);

    expect(await screen.findByText('Nothing matches “zebra”.')).toBeInTheDocument();
  });
});
