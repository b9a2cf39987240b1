/**
 * One partition of a stream: an append-only, segmented log of Kafka record batches v2 on
 * disk, with Kafka's semantics for offsets (indexes), the high watermark, the log start,
 * retention, DeleteRecords and the idempotent producer. The on-disk format and its version
 * rule are in log-format.ts; recovery in log-recovery.ts; reads in log-reader.ts.
 *
 * **Concurrency.** Every mutation — appends, retention, DeleteRecords, rolls, checkpoints,
 * close — runs as a task of one SerialQueue; timers only enqueue tasks. Reads do not queue:
 * they snapshot (segment list, high watermark, log start) synchronously, and the segment list
 * is replaced, never mutated. The one exception to "only the queue writes state" is the
 * failure latch: a reader that finds a corrupt batch sets it at once, so nothing corrupt is
 * served while the queue catches up.
 *
 * **Group commit.** `append` validates the record set (CRC, sizes) and parks it. The first
 * parked append enqueues a flush; the flush takes every append parked so far, checks them in
 * arrival order against the producer state, assigns indexes, writes them with one positioned
 * write and — with fsync 'always' — one sync, then advances the high watermark and resolves
 * them all. Appends that arrive while it syncs form the next group. A failed write or sync is
 * fatal: the partition is failed, every parked and later operation rejects, and the high
 * watermark stays where it was (no retry-and-pretend: after a failed fsync the page cache
 * cannot be trusted).
 *
 * **Durability points.** 'always': the high watermark moves after the sync. `{intervalMs}`:
 * after the write; a timer syncs. 'never': after the write; syncs only at roll and close
 * (and once after an unclean open). A recovery checkpoint (index files of the active segment
 * + producer snapshot + checkpoint file) is written at every roll, at close, and
 * CHECKPOINT_INTERVAL_MS after writes (not with 'never'), which bounds what an unclean open
 * scans.
 */
import { type Index, SpsError, type StreamConfig } from '@shopstream/sps-core';
import { type Clock } from '../clock';
import { SerialQueue } from '../serial-queue';
import { type Storage } from '../storage/storage';
import { type AppendResult, type FsyncPolicy, type ReadResult } from '../types';
import { writeCleanShutdown, writeLogStart } from './log-format';
import {
  findByTimestamp,
  type LogView,
  readBefore,
  readFrom,
  type ReaderContext,
} from './log-reader';
import { recoverLog, type RecoveryReport } from './log-recovery';
import {
  indexOutOfRange,
  partitionClosed,
  partitionFailed,
  SegmentGoneError,
} from './partition-errors';
import { type ProducerStateTable } from './producer-state';
import { placeRecordSet, shouldRoll } from './append-placement';
import { type ValidatedRecordSet, validateRecordSet } from './record-set';
import {
  belowLogStart,
  deletablePrefix,
  overRetentionBytes,
  pastTtl,
  type SegmentRule,
} from './retention';
import { Segment } from './segment';
import { removeSegments, sealSegment, syncSegment, writeRecoveryCheckpoint } from './segment-files';

export interface PartitionLogOptions {
  /** The partition's directory, created if missing (e.g. `<data>/streams/orders/0`). */
  dir: string;
  /** The partition's name for messages and error context, e.g. `orders-0`. */
  name: string;
  storage: Storage;
  clock: Clock;
  /** TTL, retention bytes, segment size and age, max batch size. Change it with `setConfig`. */
  config: StreamConfig;
  /** When appends are synced before they are acknowledged (see FsyncPolicy). */
  fsync: FsyncPolicy;
  /** Bytes of batches between two sparse index entries. @default 4096 */
  indexIntervalBytes?: number;
  /** Written into `partitionLeaderEpoch` of stored batches. @default 0 */
  leaderEpoch?: number;
}

/** How long written data may go without a recovery checkpoint (bounds an unclean open's scan). */
export const CHECKPOINT_INTERVAL_MS = 10_000;
const DEFAULT_INDEX_INTERVAL_BYTES = 4096;
/** Bytes one group commit writes at most (a single record set may exceed it). */
const MAX_GROUP_BYTES = 16 * 1024 * 1024;
/** A read that keeps losing its segment to retention gives up after this many fresh views. */
const READ_ATTEMPTS = 5;

interface PendingAppend {
  set: ValidatedRecordSet;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function assertIndexArgument(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new SpsError('SPS_ERR_INVALID_ARGUMENT', `${what} must be an integer, got ${value}`, {
      context: { [what]: value },
    });
  }
}

/**
 * A partition log. Open it with {@link PartitionLog.open}; close it with {@link close}.
 *
 * @example
 * const log = await PartitionLog.open({ dir: '/data/streams/orders/0', name: 'orders-0',
 *   storage: new NodeStorage(), clock: systemClock, config, fsync: 'always' });
 * const { baseIndex } = await log.append(encodeRecordBatch([{ value: Buffer.from('hi') }]));
 * const { records } = await log.read(baseIndex, 1 << 20);
 */
export class PartitionLog {
  /** What opening the log found and did (clean or not, bytes scanned, tail truncated). */
  readonly recovery: RecoveryReport;
  private readonly queue = new SerialQueue();
  private readonly storage: Storage;
  private readonly clock: Clock;
  private readonly dir: string;
  private readonly name: string;
  private readonly fsync: FsyncPolicy;
  private readonly indexIntervalBytes: number;
  private readonly leaderEpoch: number;
  private readonly reader: ReaderContext;
  private config: StreamConfig;
  private segments: readonly Segment[];
  private hw: Index;
  private start: Index;
  private readonly producers: ProducerStateTable;
  private failed: SpsError | undefined;
  private closing: Promise<void> | undefined;
  private closed = false;
  private pending: PendingAppend[] = [];
  private flushQueued = false;
  private readonly listeners = new Set<() => void>();
  private cancelSyncTimer: (() => void) | undefined;
  private cancelCheckpointTimer: (() => void) | undefined;

  private constructor(
    options: PartitionLogOptions,
    recovered: Awaited<ReturnType<typeof recoverLog>>,
    indexIntervalBytes: number,
  ) {
    this.storage = options.storage;
    this.clock = options.clock;
    this.dir = options.dir;
    this.name = options.name;
    this.fsync = options.fsync;
    this.indexIntervalBytes = indexIntervalBytes;
    this.leaderEpoch = options.leaderEpoch ?? 0;
    this.config = { ...options.config };
    this.recovery = recovered.report;
    this.segments = recovered.segments;
    this.start = recovered.logStartIndex;
    this.hw = recovered.segments.at(-1)?.nextIndex ?? recovered.logStartIndex;
    this.producers = recovered.producers;
    if (recovered.failure)
      this.failed = partitionFailed(this.name, recovered.failure.reason, recovered.failure.context);
    this.reader = {
      name: this.name,
      storage: this.storage,
      indexIntervalBytes,
      corrupt: (reason, context) => this.fail(`corrupt data: ${reason}`, undefined, context),
    };
  }

  /**
   * Opens the partition in `dir`, creating it if missing, recovering it if it was not closed
   * cleanly. Corruption in the middle of the log does not throw: the log opens failed
   * (`failure` says why) and serves nothing. Throws when the directory holds files of a newer
   * format version, or on I/O errors.
   */
  static async open(options: PartitionLogOptions): Promise<PartitionLog> {
    const indexIntervalBytes = options.indexIntervalBytes ?? DEFAULT_INDEX_INTERVAL_BYTES;
    if (!Number.isSafeInteger(indexIntervalBytes) || indexIntervalBytes < 1) {
      throw new SpsError(
        'SPS_ERR_INVALID_ARGUMENT',
        `indexIntervalBytes must be a positive integer, got ${indexIntervalBytes}`,
      );
    }
    const recovered = await recoverLog({
      dir: options.dir,
      storage: options.storage,
      clock: options.clock,
      indexIntervalBytes,
    });
    const log = new PartitionLog(options, recovered, indexIntervalBytes);
    if (!log.failed && !recovered.report.clean) {
      // What was scanned may sit only in the page cache (the process died, not the machine):
      // sync it and checkpoint, so the next crash does not scan it again.
      try {
        await log.queue.run(async () => {
          await syncSegment(log.storage, log.active);
          await log.checkpoint();
        });
      } catch (error) {
        await Promise.all(log.segments.map((s) => s.close()));
        throw error;
      }
    }
    return log;
  }

  /** Start of the retained log: the first index a read may ask for. */
  get logStartIndex(): Index {
    return this.start;
  }

  /** The next index to be assigned. Records below it are readable (durable under fsync 'always'). */
  get highWatermark(): Index {
    return this.hw;
  }

  /** Set once the partition failed (SPS_ERR_PARTITION_FAILED, reason in the context); it never clears. */
  get failure(): SpsError | undefined {
    return this.failed;
  }

  /** Size in bytes of all segments. */
  get sizeBytes(): number {
    let total = 0;
    for (const s of this.segments) total += s.size;
    return total;
  }

  private get active(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  /**
   * Appends one client record set (one or more v2 batches, as in a Produce request):
   * validated (CRC, magic, lengths, lastOffsetDelta == recordsCount - 1, no control batches,
   * each batch <= maxBatchBytes), idempotency-checked, given indexes, written; resolves once
   * durable per the fsync policy. A duplicate of a batch the idempotent producer already
   * stored resolves with the original indexes and `duplicate: true`. The caller's buffer is
   * not modified (the log stores a copy).
   */
  append(recordSet: Buffer): Promise<AppendResult> {
    try {
      this.assertWritable();
      const set = validateRecordSet(recordSet, this.config.maxBatchBytes, this.name);
      return new Promise<AppendResult>((resolve, reject) => {
        this.pending.push({ set, resolve, reject });
        if (!this.flushQueued) {
          this.flushQueued = true;
          void this.queue.run(() => this.flush());
        }
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * Whole batches from the one holding `index`, up to `maxBytes` (soft: at least one batch
   * when there is any). `index == highWatermark` → empty records. Below the log start or
   * above the high watermark → SPS_ERR_INDEX_OUT_OF_RANGE (context: logStartIndex,
   * highWatermark). Each served batch's CRC is checked; a mismatch fails the partition.
   */
  read(index: Index, maxBytes: number): Promise<ReadResult> {
    return this.withView(index, maxBytes, (view) => readFrom(this.reader, view, index, maxBytes));
  }

  /**
   * For backward traversal: the whole batches that end before `beforeIndex` (exclusive),
   * the ones closest to it, up to `maxBytes` (at least one batch if any), in log order.
   * Empty at the log start. Above the high watermark → SPS_ERR_INDEX_OUT_OF_RANGE.
   */
  readBefore(beforeIndex: Index, maxBytes: number): Promise<ReadResult> {
    return this.withView(beforeIndex, maxBytes, (view) =>
      readBefore(this.reader, view, beforeIndex, maxBytes),
    );
  }

  /**
   * The first record with timestamp >= `timestamp` (Java's offsetsForTimes), at or after the
   * log start: exact within a batch for uncompressed and gzip batches, the batch's first
   * index for other codecs. `null` when no record is that recent.
   */
  indexForTimestamp(timestamp: number): Promise<{ index: Index; timestamp: number } | null> {
    if (!Number.isFinite(timestamp)) {
      return Promise.reject(
        new SpsError('SPS_ERR_INVALID_ARGUMENT', `timestamp must be a number, got ${timestamp}`, {
          context: { timestamp },
        }),
      );
    }
    return this.withView(this.start, 0, (view) => findByTimestamp(this.reader, view, timestamp));
  }

  /**
   * DeleteRecords: moves the log start to `index` (may be mid-batch; -1 means the high
   * watermark), durably, and deletes the segments wholly below it (never the active one).
   * Returns the new log start. Above the high watermark → SPS_ERR_INDEX_OUT_OF_RANGE.
   */
  deleteRecordsBefore(index: Index): Promise<Index> {
    return this.mutate(async () => {
      assertIndexArgument(index, 'index');
      if (index < -1) throw indexOutOfRange(this.name, index, this.start, this.hw);
      const target = index === -1 ? this.hw : index;
      if (target > this.hw) throw indexOutOfRange(this.name, target, this.start, this.hw);
      if (target <= this.start) return this.start;
      await writeLogStart(this.storage, this.dir, target);
      this.start = target;
      await this.deleteSegments(belowLogStart(target), false);
      return this.start;
    });
  }

  /**
   * Retention: deletes whole segments, oldest first, while their max timestamp is older than
   * `now - ttlMs` (ttlMs -1 = never) and then while the partition exceeds retentionBytes
   * (-1 = unlimited). The active segment is rolled first when it would go too (as Kafka does,
   * so an idle partition can empty). Advances the log start; also expires idle producer ids.
   * Returns the number of segments deleted.
   */
  enforceRetention(): Promise<number> {
    return this.mutate(async () => {
      const now = this.clock.now();
      this.producers.expire(now);
      const { ttlMs, retentionBytes } = this.config;
      let deleted = 0;
      if (ttlMs >= 0) deleted += await this.deleteSegments(pastTtl(now, ttlMs), true);
      if (retentionBytes >= 0) {
        const rule = overRetentionBytes(this.sizeBytes, retentionBytes);
        deleted += await this.deleteSegments(rule, true);
      }
      // Segments a DeleteRecords left behind while they were active.
      deleted += await this.deleteSegments(belowLogStart(this.start), false);
      return deleted;
    });
  }

  /** Replaces the stream configuration (TTL, sizes); applies to the next append or retention pass. */
  setConfig(config: StreamConfig): void {
    this.config = { ...config };
  }

  /** Calls `listener` whenever the high watermark advances. Returns a function that unsubscribes. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Clean close: finishes queued appends, syncs, writes the index files, the producer
   * snapshot, a checkpoint and the clean-shutdown marker (the next open scans nothing).
   * Later calls return the same promise; later operations reject with SPS_ERR_ENGINE_CLOSED.
   */
  close(): Promise<void> {
    this.closing ??= this.queue.run(() => this.closeNow());
    return this.closing;
  }

  // ------------------------------------------------------------------------ write path

  private assertWritable(): void {
    if (this.failed) throw this.failed;
    if (this.closing) throw partitionClosed(this.name);
  }

  private mutate<T>(task: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(partitionClosed(this.name));
    return this.queue.run(async () => {
      if (this.failed) throw this.failed;
      return task();
    });
  }

  /** One group commit: everything parked so far. Never throws; settles every append. */
  private async flush(): Promise<void> {
    const group = this.takeGroup();
    if (this.failed || this.closed) {
      for (const p of group) p.reject(this.failed ?? partitionClosed(this.name));
      return;
    }
    const settle: Array<() => void> = [];
    let runStart = this.active.size;
    let chunks: Buffer[] = [];
    try {
      for (const p of group) {
        const check = this.producers.check(
          p.set.batches.map((b) => b.header),
          this.name,
        );
        if (check.kind === 'reject') {
          p.reject(check.error);
          continue;
        }
        if (check.kind === 'duplicate') {
          const { baseIndex, lastIndex } = check;
          settle.push(() =>
            p.resolve({ baseIndex, lastIndex, logStartIndex: this.start, duplicate: true }),
          );
          continue;
        }
        if (shouldRoll(this.active, p.set, this.config, this.clock.now())) {
          await this.writeRun(runStart, chunks);
          chunks = [];
          await this.roll();
          runStart = 0;
        }
        const baseIndex = placeRecordSet(
          this.active,
          p.set,
          this.leaderEpoch,
          this.clock.now(),
          this.producers,
          chunks,
        );
        const lastIndex = this.active.nextIndex - 1;
        settle.push(() =>
          p.resolve({ baseIndex, lastIndex, logStartIndex: this.start, duplicate: false }),
        );
      }
      await this.writeRun(runStart, chunks);
      if (this.fsync === 'always') await syncSegment(this.storage, this.active);
    } catch (error) {
      const failure = this.fail(`storage failure while appending: ${message(error)}`, error);
      for (const p of group) p.reject(failure);
      return;
    }
    if (this.failed) {
      // A reader found corruption while this group was being written.
      for (const p of group) p.reject(this.failed);
      return;
    }
    this.advance(this.active.nextIndex);
    for (const s of settle) s();
    this.scheduleBackgroundWork();
  }

  /**
   * The appends of the next group: all parked ones, up to MAX_GROUP_BYTES (at least one), so
   * a flood of appends still commits in bounded steps. The rest wait for the next flush.
   */
  private takeGroup(): PendingAppend[] {
    let count = 0;
    let bytes = 0;
    while (count < this.pending.length && (count === 0 || bytes < MAX_GROUP_BYTES)) {
      bytes += this.pending[count]!.set.bytes;
      count++;
    }
    const group = this.pending.splice(0, count);
    this.flushQueued = this.pending.length > 0;
    if (this.flushQueued) void this.queue.run(() => this.flush());
    return group;
  }

  private async writeRun(position: number, chunks: Buffer[]): Promise<void> {
    if (chunks.length === 0) return;
    const file = await this.active.handle(this.storage);
    await file.write(position, chunks);
  }

  /** Seals the active segment (synced, index files written) and starts a new one. */
  private async roll(): Promise<void> {
    const old = this.active;
    if (old.size === 0) return;
    await sealSegment(this.storage, this.dir, old);
    const next = await Segment.create(
      this.storage,
      this.dir,
      old.nextIndex,
      this.indexIntervalBytes,
    );
    // The new file's directory entry must survive a crash before anything is acknowledged in it.
    await this.storage.syncDir(this.dir);
    this.segments = [...this.segments, next];
    await this.checkpoint();
  }

  /** Writes a recovery checkpoint at the end of the (synced) active segment. */
  private async checkpoint(): Promise<void> {
    await writeRecoveryCheckpoint(this.storage, this.dir, this.active, this.producers);
    this.cancelCheckpointTimer?.();
    this.cancelCheckpointTimer = undefined;
  }

  /** Timers only enqueue work: the interval sync and the periodic recovery checkpoint. */
  private scheduleBackgroundWork(): void {
    if (this.fsync === 'never') return;
    const policy = this.fsync;
    if (policy !== 'always' && !this.cancelSyncTimer) {
      this.cancelSyncTimer = this.clock.setTimer(policy.intervalMs, () => {
        this.cancelSyncTimer = undefined;
        this.background(() => syncSegment(this.storage, this.active));
      });
    }
    this.cancelCheckpointTimer ??= this.clock.setTimer(CHECKPOINT_INTERVAL_MS, () => {
      this.cancelCheckpointTimer = undefined;
      this.background(async () => {
        await syncSegment(this.storage, this.active);
        await this.checkpoint();
      });
    });
  }

  private background(task: () => Promise<void>): void {
    void this.queue.run(async () => {
      if (this.failed || this.closed) return;
      try {
        await task();
      } catch (error) {
        this.fail(`storage failure while syncing: ${message(error)}`, error);
      }
    });
  }

  private advance(highWatermark: Index): void {
    if (highWatermark === this.hw) return;
    this.hw = highWatermark;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // A listener (the engine waking fetches) must not break the append that woke it.
      }
    }
  }

  /**
   * Deletes the prefix of segments the rule selects (retention.ts). When that includes the
   * active segment, it is rolled first, as Kafka's deleteSegments does.
   */
  private async deleteSegments(rule: SegmentRule, activeToo: boolean): Promise<number> {
    const count = deletablePrefix(this.segments, rule, activeToo);
    if (count === 0) return 0;
    if (count === this.segments.length) await this.roll();
    const doomed = this.segments.slice(0, count);
    this.segments = this.segments.slice(count);
    this.start = Math.max(this.start, this.segments[0]!.baseIndex);
    await removeSegments(this.storage, this.dir, doomed);
    return count;
  }

  private async closeNow(): Promise<void> {
    this.cancelTimers();
    try {
      if (!this.failed) {
        await syncSegment(this.storage, this.active);
        await this.checkpoint();
        await writeCleanShutdown(this.storage, this.dir, this.hw);
      }
    } catch (error) {
      throw this.fail(`storage failure while closing: ${message(error)}`, error);
    } finally {
      this.closed = true;
      const pending = this.pending;
      this.pending = [];
      for (const p of pending) p.reject(partitionClosed(this.name));
      await Promise.all(this.segments.map((s) => s.close()));
    }
  }

  // ------------------------------------------------------------------------ failure

  private cancelTimers(): void {
    this.cancelSyncTimer?.();
    this.cancelSyncTimer = undefined;
    this.cancelCheckpointTimer?.();
    this.cancelCheckpointTimer = undefined;
  }

  /** Latches the partition failed (first reason wins) and rejects every parked append. */
  private fail(reason: string, cause?: unknown, context: Record<string, unknown> = {}): SpsError {
    if (this.failed) return this.failed;
    const failure = partitionFailed(this.name, reason, context, cause);
    this.failed = failure;
    this.cancelTimers();
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) p.reject(failure);
    return failure;
  }

  // ------------------------------------------------------------------------ read path

  private async withView<T>(
    index: Index,
    maxBytes: number,
    read: (view: LogView) => Promise<T>,
  ): Promise<T> {
    assertIndexArgument(index, 'index');
    if (Number.isNaN(maxBytes)) {
      throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'maxBytes must be a number', {
        context: { maxBytes },
      });
    }
    for (let attempt = 1; ; attempt++) {
      this.assertReadable();
      const view: LogView = {
        segments: this.segments,
        highWatermark: this.hw,
        logStartIndex: this.start,
      };
      try {
        return await read(view);
      } catch (error) {
        this.assertReadable();
        if (!(error instanceof SegmentGoneError)) throw error;
        // Retention removed the segment under us: a fresh view says where the log starts now.
        if (attempt >= READ_ATTEMPTS) throw indexOutOfRange(this.name, index, this.start, this.hw);
      }
    }
  }

  /** Reads stop once the partition failed (its data is not trusted) or closed. */
  private assertReadable(): void {
    if (this.failed) throw this.failed;
    if (this.closed) throw partitionClosed(this.name);
  }
}
