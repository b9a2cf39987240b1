/**
 * A promise settled from outside: how a parked JoinGroup or SyncGroup waits for the rest of
 * the group. The group's queue task returns the promise without awaiting it, so the queue
 * moves on while the request stays parked.
 */
export class Deferred<T> {
  readonly promise: Promise<T>;
  private settle!: { resolve: (value: T) => void; reject: (error: Error) => void };

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Marked handled: a parked request may be failed (close, eviction) a moment before its
    // caller attaches to it; the caller still sees the rejection.
    this.promise.catch(() => undefined);
  }

  resolve(value: T): void {
    this.settle.resolve(value);
  }

  reject(error: Error): void {
    this.settle.reject(error);
  }
}
