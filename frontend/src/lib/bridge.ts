// The only module that talks to the Go side. It calls window.go.app.<Service>.<Method> exactly as
// the files `wails generate module` writes into frontend/wailsjs do, so the app compiles and tests
// run before those files exist. Every failure leaves here as a BridgeError with a plain message.
import { BridgeError } from './errors';
import type {
  Artifact,
  ArtifactRole,
  Entry,
  EntryFilter,
  ImportProgress,
  KindInfo,
  Profile,
  SearchHit,
  StartupStatus,
  TagCount,
} from './types';

export { BridgeError };

type ServiceName = 'SessionService' | 'ProfileService' | 'EntryService' | 'ArtifactService' | 'SearchService';
type BoundMethod = (...args: unknown[]) => Promise<unknown>;

interface WailsRuntime {
  EventsOn(eventName: string, callback: (...data: unknown[]) => void): () => void;
  EventsOff(eventName: string, ...additionalEventNames: string[]): void;
  OnFileDrop(callback: (x: number, y: number, paths: string[]) => void, useDropTarget: boolean): void;
  OnFileDropOff(): void;
}

declare global {
  interface Window {
    go?: { app?: Partial<Record<ServiceName, Record<string, BoundMethod>>> };
    runtime?: WailsRuntime;
  }
}

function messageOf(reason: unknown): string {
  if (typeof reason === 'string' && reason.trim() !== '') return reason;
  if (reason instanceof Error && reason.message) return reason.message;
  if (reason && typeof reason === 'object' && 'message' in reason && typeof reason.message === 'string') {
    return reason.message;
  }
  return 'Something went wrong. Please try again.';
}

async function call<T>(service: ServiceName, method: string, ...args: unknown[]): Promise<T> {
  const fn = window.go?.app?.[service]?.[method];
  if (typeof fn !== 'function') {
    throw new BridgeError(`ReadyFolio's background service is not available (${service}.${method}).`);
  }
  try {
    return (await fn(...args)) as T;
  } catch (reason) {
    throw new BridgeError(messageOf(reason));
  }
}

// Go encodes nil slices as null; the UI relies on arrays.
function normalizeEntry(e: Entry): Entry {
  const entry: Entry = {
    ...e,
    tags: e.tags ?? [],
    reflection: e.reflection ?? [],
    artifacts: e.artifacts ?? [],
  };
  if (entry.pilot) {
    entry.pilot = { ...entry.pilot, aiTools: entry.pilot.aiTools ?? [], outcomes: entry.pilot.outcomes ?? [] };
  }
  return entry;
}

const entries = (list: Entry[] | null) => (list ?? []).map(normalizeEntry);

export const session = {
  status: () => call<StartupStatus>('SessionService', 'Status'),
  openAnotherFolder: () => call<StartupStatus>('SessionService', 'OpenAnotherFolder'),
  kinds: async () => (await call<KindInfo[] | null>('SessionService', 'Kinds')) ?? [],
  version: () => call<string>('SessionService', 'Version'),
  quit: () => call<void>('SessionService', 'Quit'),
};

export const profiles = {
  get: () => call<Profile>('ProfileService', 'Get'),
  save: (p: Profile) => call<Profile>('ProfileService', 'Save', p),
  choosePhoto: () => call<Profile>('ProfileService', 'ChoosePhoto'),
  removePhoto: () => call<Profile>('ProfileService', 'RemovePhoto'),
  photo: () => call<string>('ProfileService', 'Photo'),
};

export const entryService = {
  create: async (kind: string, title: string) => normalizeEntry(await call<Entry>('EntryService', 'New', kind, title)),
  get: async (id: string) => normalizeEntry(await call<Entry>('EntryService', 'Get', id)),
  save: async (e: Entry) => normalizeEntry(await call<Entry>('EntryService', 'Save', e)),
  list: async (f: EntryFilter) => entries(await call<Entry[] | null>('EntryService', 'List', f)),
  reorder: (ids: string[]) => call<void>('EntryService', 'Reorder', ids),
  trash: (id: string) => call<void>('EntryService', 'Trash', id),
  restore: (id: string) => call<void>('EntryService', 'Restore', id),
  listTrash: async () => entries(await call<Entry[] | null>('EntryService', 'ListTrash')),
  emptyTrash: () => call<number>('EntryService', 'EmptyTrash'),
  tags: async () => (await call<TagCount[] | null>('EntryService', 'Tags')) ?? [],
};

export const artifactService = {
  pickFiles: async (entryId: string, role: ArtifactRole) =>
    (await call<Artifact[] | null>('ArtifactService', 'PickFiles', entryId, role)) ?? [],
  addFiles: async (entryId: string, role: ArtifactRole, paths: string[]) =>
    (await call<Artifact[] | null>('ArtifactService', 'AddFiles', entryId, role, paths)) ?? [],
  addLink: (entryId: string, role: ArtifactRole, url: string, title: string, caption: string) =>
    call<Artifact>('ArtifactService', 'AddLink', entryId, role, url, title, caption),
  update: (a: Artifact) => call<Artifact>('ArtifactService', 'Update', a),
  remove: (id: string) => call<void>('ArtifactService', 'Remove', id),
  thumbnail: (id: string) => call<string>('ArtifactService', 'Thumbnail', id),
  openExternally: (id: string) => call<void>('ArtifactService', 'OpenExternally', id),
};

export const searchService = {
  search: async (query: string) => {
    const hits = (await call<SearchHit[] | null>('SearchService', 'Search', query)) ?? [];
    return hits.map((h) => ({ ...h, entry: normalizeEntry(h.entry) }));
  },
};

/** Listens to a Go event; returns the function that stops listening. No-op outside Wails. */
function onEvent(name: string, callback: (...data: unknown[]) => void): () => void {
  const rt = window.runtime;
  if (!rt) return () => {};
  return rt.EventsOn(name, callback);
}

export const events = {
  onBeforeClose: (callback: () => void) => onEvent('app:before-close', () => callback()),
  onImportProgress: (callback: (p: ImportProgress) => void) =>
    onEvent('artifacts:progress', (p) => callback(p as ImportProgress)),
};

export const fileDrop = {
  /** Only elements styled --wails-drop-target: drop receive drops (useDropTarget = true). */
  on: (callback: (x: number, y: number, paths: string[]) => void) => window.runtime?.OnFileDrop(callback, true),
  off: () => window.runtime?.OnFileDropOff(),
};
