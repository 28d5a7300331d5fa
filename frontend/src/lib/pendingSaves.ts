// Everything that saves on a debounce registers its flush here, so that closing the window can
// write every pending change before the app quits.

type Flush = () => Promise<void>;

const flushes = new Set<Flush>();

/** Registers a flush; returns the function that unregisters it. */
export function trackPendingSave(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Runs every registered flush; one failing does not stop the others. */
export async function flushAllPendingSaves(): Promise<void> {
  await Promise.allSettled([...flushes].map((flush) => flush()));
}
