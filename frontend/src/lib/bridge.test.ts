import { afterEach, describe, expect, it, vi } from 'vitest';
import { anEntry } from '../test/builders';
import { BridgeError, entryService, events, session } from './bridge';

afterEach(() => {
  delete window.go;
  delete window.runtime;
});

describe('bridge', () => {
  it('calls the bound Go method exactly as the generated bindings do', async () => {
    const save = vi.fn(async (e: unknown) => e);
    window.go = { app: { EntryService: { Save: save } } };
    const entry = anEntry('artifact');

    await entryService.save(entry);

    expect(save).toHaveBeenCalledWith(entry);
  });

  it('turns a rejected Go call into a BridgeError with the plain message', async () => {
    window.go = { app: { EntryService: { Save: vi.fn(() => Promise.reject('Give the entry a title.')) } } };

    const failure = entryService.save(anEntry('artifact'));

    await expect(failure).rejects.toBeInstanceOf(BridgeError);
    await expect(failure).rejects.toThrow('Give the entry a title.');
  });

  it('reports a missing Go side as a BridgeError too', async () => {
    await expect(session.status()).rejects.toBeInstanceOf(BridgeError);
  });

  it('gives arrays where Go sent null', async () => {
    const entry = { ...anEntry('ai_pilot'), tags: null, artifacts: null, reflection: null };
    entry.pilot = { ...entry.pilot!, aiTools: null as unknown as string[], outcomes: null as unknown as [] };
    window.go = { app: { EntryService: { Get: vi.fn(async () => entry), List: vi.fn(async () => null) } } };

    const got = await entryService.get(entry.id);

    expect(got).toMatchObject({ tags: [], artifacts: [], reflection: [], pilot: { aiTools: [], outcomes: [] } });
    expect(await entryService.list({ kinds: [], status: '', tag: '', dateFrom: '', dateTo: '', sort: 'manual' })).toEqual([]);
  });

  it('listens to Go events through the Wails runtime', () => {
    const off = vi.fn();
    const EventsOn = vi.fn((_name: string, _cb: (...data: unknown[]) => void) => off);
    window.runtime = { EventsOn, EventsOff: vi.fn(), OnFileDrop: vi.fn(), OnFileDropOff: vi.fn() };
    const callback = vi.fn();

    const stop = events.onBeforeClose(callback);
    EventsOn.mock.calls[0][1]();

    expect(EventsOn).toHaveBeenCalledWith('app:before-close', expect.any(Function));
    expect(callback).toHaveBeenCalled();
    stop();
    expect(off).toHaveBeenCalled();
  });
});
