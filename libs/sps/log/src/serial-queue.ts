/**
 * One owner per piece of mutable state (STYLE.md rule 7): a partition log or a consumer group
 * changes state only inside tasks of its SerialQueue, which run one at a time in arrival order.
 * Timers do not touch state; they `run` a task. So no two awaits ever interleave on that state.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Runs `task` after every task queued before it; resolves or rejects with its result. */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once every task queued so far has finished (successfully or not). */
  async drain(): Promise<void> {
    await this.tail;
  }
}
