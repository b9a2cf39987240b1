import { type Clock } from '../clock';

/**
 * Waits for "something was appended to one of these partitions", a deadline, or an abort —
 * whichever comes first. Listeners are attached BEFORE the caller reads, so an append that
 * lands between the read and the wait is not missed: `fired` is already true then.
 */
export class AppendSignal {
  private fired = false;
  private wake: (() => void) | undefined;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(subscribe: Array<(listener: () => void) => () => void>) {
    for (const on of subscribe) {
      this.unsubscribe.push(
        on(() => {
          this.fired = true;
          this.wake?.();
        }),
      );
    }
  }

  /** Resolves on the next append (or at once if one happened since the last wait), at `ms`, or on abort. */
  wait(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
    if (this.fired || ms <= 0 || signal?.aborted) {
      this.fired = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = (): void => {
        cancelTimer();
        signal?.removeEventListener('abort', done);
        this.wake = undefined;
        this.fired = false;
        resolve();
      };
      const cancelTimer = clock.setTimer(ms, done);
      signal?.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }

  close(): void {
    for (const off of this.unsubscribe) off();
    this.wake?.();
  }
}
