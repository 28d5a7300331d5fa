import type { Entry, Kind } from '../../lib/types';
import { plural } from '../../lib/format';

// Short names for the header's counts; the kinds' full labels are too long for one line.
const kindCounts: ReadonlyArray<[Kind, string, string]> = [
  ['ai_pilot', 'AI pilot', 'AI pilots'],
  ['lesson_redesign', 'redesign', 'redesigns'],
  ['pd_led', 'PD session', 'PD sessions'],
  ['tool_evaluation', 'tool evaluation', 'tool evaluations'],
  ['policy_guidance', 'policy document', 'policy documents'],
  ['artifact', 'artifact', 'artifacts'],
];

export interface PortfolioSummary {
  /** "3 AI pilots", "1 redesign"… in the kinds' usual order, kinds with no entries left out. */
  kinds: string[];
  ready: number;
  drafts: number;
}

export function summarize(entries: readonly Entry[]): PortfolioSummary {
  const kinds = kindCounts.flatMap(([kind, one, many]) => {
    const n = entries.filter((e) => e.kind === kind).length;
    return n > 0 ? [plural(n, one, many)] : [];
  });
  const ready = entries.filter((e) => e.status === 'ready').length;
  return { kinds, ready, drafts: entries.length - ready };
}

/** "Welcome back, Amara Okafor." or, with no name on the profile, "Welcome back." */
export function greeting(name: string | undefined): string {
  const trimmed = name?.trim() ?? '';
  return trimmed ? `Welcome back, ${trimmed}.` : 'Welcome back.';
}
