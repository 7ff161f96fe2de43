import { ConsoleError } from './errors';

/** All slots taken and the queue full (or the wait too long): try again shortly. */
export class TooBusyError extends ConsoleError {
  readonly status = 429;
  readonly code = 'too_busy';
}

export interface SlotOptions {
  /** Held at once. */
  limit: number;
  /** Callers waiting for a slot beyond which the next is refused at once. */
  maxWaiting: number;
  /** How long a caller waits for a slot before it is refused. */
  maxWaitMs: number;
  /** What is being limited, for the refusal ("range scans"). */
  what: string;
}

/**
 * A counting semaphore with a bounded, time-limited queue: work that is heavy for the console and the brokers (a
 * range scan pulls every queue of a topic) runs a few at a time, so many operators at once cannot starve the lag
 * snapshot or each other; the rest wait their turn, or are told to come back when the queue is long.
 */
export class Slots {
  private held = 0;
  private readonly waiting: Array<{ grant: () => void }> = [];

  constructor(readonly options: SlotOptions) {}

  get running(): number {
    return this.held;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with the release function once a slot is free; TooBusyError when the queue is full or the wait ran out. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    const { limit, maxWaiting, maxWaitMs, what } = this.options;
    if (this.held < limit) return this.grant();
    if (this.waiting.length >= maxWaiting) throw new TooBusyError(`${limit} ${what} are running and ${this.waiting.length} waiting (the most at once): try again in a moment`);
    return new Promise<() => void>((resolve, reject) => {
      const entry = { grant: () => resolve(this.grant()) };
      const leave = (error: Error) => {
        const at = this.waiting.indexOf(entry);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        clearTimeout(timer);
        reject(error);
      };
      const timer = setTimeout(() => leave(new TooBusyError(`${limit} ${what} were running for the ${Math.round(maxWaitMs / 1000)} s this one waited: try again in a moment`)), maxWaitMs);
      entry.grant = () => {
        clearTimeout(timer);
        resolve(this.grant());
      };
      signal?.addEventListener('abort', () => leave(new Error('cancelled while waiting')), { once: true });
      this.waiting.push(entry);
    });
  }

  private grant(): () => void {
    this.held += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held -= 1;
      this.waiting.shift()?.grant();
    };
  }
}
