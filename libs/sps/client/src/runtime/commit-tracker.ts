/**
 * Batches commits. The runtime reports each record once it is done (handled or
 * dead-lettered); per partition that happens strictly in index order, so the latest done record
 * of a partition always has every earlier one done too, and committing it is never ahead of an
 * unfinished record. Commits go out when `maxPending` records are waiting or every
 * `intervalMs`, whichever comes first, and on revoke and stop.
 *
 * Flushes run one at a time: a later flush never overtakes an earlier one, so an older index
 * cannot overwrite a newer one on the backend.
 */
import { type DriverRecord, type PartitionRef, type StreamIndex } from '@shopstream/sps-core';

/** How a consumer batches its commits. */
export interface CommitOptions {
  /** Commit at least this often while records are done. @default 1000 */
  intervalMs: number;
  /** Commit as soon as this many records are done and not yet committed. @default 100 */
  maxPending: number;
}

export const DEFAULT_COMMIT_OPTIONS: CommitOptions = { intervalMs: 1000, maxPending: 100 };

export interface CommitTrackerHooks {
  commit(done: DriverRecord[]): Promise<void>;
  /** Whether this member still owns the partition: only then is its progress committed. */
  owns(ref: PartitionRef): boolean;
  onCommitted(partitions: Array<PartitionRef & { index: StreamIndex }>): void;
  onError(error: unknown): void;
}

const keyOf = (ref: PartitionRef): string => `${ref.partition}:${ref.stream}`;

export class CommitTracker {
  private readonly pending = new Map<string, DriverRecord>();
  private pendingCount = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly options: CommitOptions,
    private readonly hooks: CommitTrackerHooks,
  ) {
    this.timer = setInterval(() => void this.flush(), options.intervalMs);
    this.timer.unref(); // a consumer's commit timer alone must not keep the process alive
  }

  /** `record` and every record before it in its partition are done. */
  markDone(record: DriverRecord): void {
    this.pending.set(keyOf(record), record);
    this.pendingCount++;
    if (this.pendingCount >= this.options.maxPending) void this.flush();
  }

  /** Commits what is pending (of `partitions` only, when given); resolves once it is durable. */
  flush(partitions?: readonly PartitionRef[]): Promise<void> {
    const run = this.chain.then(() => this.flushNow(partitions));
    this.chain = run;
    return run;
  }

  /** Forgets what is pending for partitions this member no longer owns. */
  forget(partitions: readonly PartitionRef[]): void {
    for (const ref of partitions) this.pending.delete(keyOf(ref));
  }

  /** Stops the timer; call after the final flush. */
  close(): void {
    clearInterval(this.timer);
  }

  private async flushNow(partitions?: readonly PartitionRef[]): Promise<void> {
    const wanted = partitions ? new Set(partitions.map(keyOf)) : undefined;
    const chosen = [...this.pending].filter(([key]) => !wanted || wanted.has(key));
    for (const [key] of chosen) this.pending.delete(key);
    // A partition this member lost is the next owner's to commit.
    const batch = chosen.filter(([, record]) => this.hooks.owns(record));
    if (this.pending.size === 0) this.pendingCount = 0;
    if (batch.length === 0) return;
    const done = batch.map(([, record]) => record);
    try {
      await this.hooks.commit(done);
      this.hooks.onCommitted(
        done.map(({ stream, partition, index }) => ({ stream, partition, index })),
      );
    } catch (error) {
      this.hooks.onError(error);
      // Retried with the next flush, unless a newer record replaced it or the partition left.
      for (const record of done) {
        const key = keyOf(record);
        if (!this.pending.has(key) && this.hooks.owns(record)) this.pending.set(key, record);
      }
    }
  }
}
