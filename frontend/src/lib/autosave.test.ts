import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from './autosave.svelte';
import { BridgeError } from './errors';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Autosaver', () => {
  it('saves only the newest value once changes pause', async () => {
    const save = vi.fn(async () => {});
    const saver = new Autosaver<string>(save, 400);

    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);

    expect(save).toHaveBeenCalledExactlyOnceWith('ab');
    expect(saver.state).toBe('saved');
  });

  it('never runs two saves at once, and the newest value is written last', async () => {
    let finishFirst!: () => void;
    const save = vi
      .fn<(v: string) => Promise<void>>()
      .mockImplementationOnce(() => new Promise((resolve) => (finishFirst = resolve)))
      .mockResolvedValue(undefined);
    const saver = new Autosaver<string>(save, 400);

    saver.schedule('first');
    const firstFlush = saver.flush();
    saver.schedule('second');
    const secondFlush = saver.flush();
    await Promise.resolve();
    expect(save).toHaveBeenCalledTimes(1);

    finishFirst();
    await Promise.all([firstFlush, secondFlush]);
    expect(save.mock.calls.map((c) => c[0])).toEqual(['first', 'second']);
  });

  it('keeps a failed value and reports the message, then retries on the next flush', async () => {
    const save = vi
      .fn<(v: string) => Promise<void>>()
      .mockResolvedValue(undefined)
      .mockRejectedValueOnce(new BridgeError('Disk is full.'));
    const saver = new Autosaver<string>(save, 400);

    saver.schedule('text');
    await saver.flush();
    expect(saver.state).toBe('error');
    expect(saver.error).toBe('Disk is full.');

    await saver.flush();
    expect(save).toHaveBeenLastCalledWith('text');
    expect(saver.state).toBe('saved');
  });
});
