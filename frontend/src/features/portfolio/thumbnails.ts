// Card thumbnails, fetched from Go once per artifact and kept for the session: an artifact's file
// never changes under its id, so neither does its thumbnail.
import { artifactService } from '../../lib/bridge';

const loaded = new Map<string, string>();
const pending = new Map<string, Promise<string>>();

/** The data: URL if it has already arrived, for drawing a card without a flash. */
export function cachedThumbnail(artifactId: string): string | undefined {
  return loaded.get(artifactId);
}

/** The thumbnail's data: URL, or "" when Go has none; a failure is not kept, so it is retried later. */
export function loadThumbnail(artifactId: string): Promise<string> {
  const done = loaded.get(artifactId);
  if (done !== undefined) return Promise.resolve(done);
  let request = pending.get(artifactId);
  if (!request) {
    request = artifactService.thumbnail(artifactId).then(
      (url) => {
        loaded.set(artifactId, url);
        return url;
      },
      () => '',
    );
    request.finally(() => pending.delete(artifactId));
    pending.set(artifactId, request);
  }
  return request;
}
