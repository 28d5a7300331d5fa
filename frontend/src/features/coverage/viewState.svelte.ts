// What the coverage page was showing, kept while the educator opens an entry and comes back.
export const coverageView = $state({
  frameworkId: '',
  query: '',
  gapsOnly: false,
  /** collapsed group ids, by framework id */
  collapsed: {} as Record<string, string[]>,
});

/** Forgets everything (tests start from a clean page). */
export function resetCoverageView(): void {
  coverageView.frameworkId = '';
  coverageView.query = '';
  coverageView.gapsOnly = false;
  coverageView.collapsed = {};
}
