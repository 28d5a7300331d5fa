import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { credentialService } from '../../lib/bridge';
import { anImpact } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import ImpactPanel from './ImpactPanel.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

describe('ImpactPanel', () => {
  it('shows each figure as given, value over label', async () => {
    fake.reset({ impact: anImpact() });
    render(ImpactPanel, { reload: 1 });

    const panel = await screen.findByRole('region', { name: 'Impact at a glance' });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '340 students reached by pilots',
      '86 colleagues trained',
      '2 AI tools evaluated',
    ]);
  });

  it('gives a one-line hint when there are no figures yet', async () => {
    fake.reset({ impact: anImpact([]) });
    render(ImpactPanel, { reload: 1 });

    expect(await screen.findByText(/figures appear here/)).toBeInTheDocument();
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('reads the figures again when the portfolio list reloads', async () => {
    fake.reset({ impact: anImpact([]) });
    const { rerender } = render(ImpactPanel, { reload: 1 });
    await screen.findByText(/figures appear here/);

    fake.world.impact = anImpact([{ value: '1', label: 'AI tool evaluated' }]);
    await rerender({ reload: 2 });

    expect(await screen.findByText('AI tool evaluated')).toBeInTheDocument();
    expect(credentialService.impact).toHaveBeenCalledTimes(2);
  });

  it('says so when the figures cannot be read', async () => {
    fake.reset();
    fake.failNext(vi.mocked(credentialService.impact), 'The portfolio could not be read.');
    render(ImpactPanel, { reload: 1 });

    expect(await screen.findByText('The portfolio could not be read.')).toBeInTheDocument();
  });
});
