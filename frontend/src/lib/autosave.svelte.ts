// Debounced saving with a status a screen reader can announce. Saves never overlap: a change made
// while a save is running is written by the next one, so the newest value always wins.
import { errorMessage } from './errors';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export class Autosaver<T> {
  state = $state<SaveState>('idle');
  error = $state('');

  #save: (value: T) => Promise<void>;
  #delay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: { value: T } | undefined;
  #running: Promise<void> | undefined;

  constructor(save: (value: T) => Promise<void>, delayMs = 400) {
    this.#save = save;
    this.#delay = delayMs;
  }

  /** Remembers value as the newest and saves it once changes have paused for the delay. */
  schedule(value: T): void {
    this.#pending = { value };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#delay);
  }

  /** Saves the pending value now; resolves when everything scheduled so far is written. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    while (this.#running) await this.#running;
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    this.state = 'saving';
    this.#running = this.#save(pending.value).then(
      () => {
        if (!this.#pending) this.state = 'saved';
      },
      (err: unknown) => {
        // Keep the value so the next flush (blur, leaving, closing) tries again.
        this.#pending ??= pending;
        this.state = 'error';
        this.error = errorMessage(err);
      },
    );
    try {
      await this.#running;
    } finally {
      this.#running = undefined;
    }
  }
}
