import { events, session } from './bridge';
import { flushAllPendingSaves } from './pendingSaves';

/** Go asks before the window closes: write every pending change, then let it quit. */
export function handleBeforeClose(): () => void {
  return events.onBeforeClose(async () => {
    await flushAllPendingSaves();
    await session.quit();
  });
}
