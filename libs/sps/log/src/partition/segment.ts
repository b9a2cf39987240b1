/**
 * One segment of a partition log: its .log file (record batches back to back, see
 * log-format.ts) and what readers need to find things in it without reading it whole — size,
 * next index, max timestamp, the sparse offset and time indexes.
 *
 * Metadata is updated by the partition's serial queue only (`recordBatch` when a batch is
 * placed, before its bytes are written); readers bound what they look at by the high
 * watermark they snapshotted, so metadata ahead of the durable data is never acted on.
 *
 * The file handle opens lazily (a long log keeps few handles until read) and is shared. A
 * segment deleted by retention while a reader holds a lease keeps its handle until the last
 * lease is released (the open handle still reads an unlinked file on POSIX); a reader that
 * finds the segment deleted retries against a fresh view of the log.
 */
import { type Index } from '@shopstream/sps-core';
import { joinPath, type Storage, type StorageFile } from '../storage/storage';
import {
  INDEX_SUFFIX,
  type SegmentIndexFiles,
  segmentFileName,
  SEGMENT_SUFFIX,
  TIME_INDEX_SUFFIX,
} from './log-format';
import { OffsetIndex, TimeIndex } from './sparse-index';

export class Segment {
  readonly logPath: string;
  readonly indexPath: string;
  readonly timeIndexPath: string;
  /** Bytes placed in the .log (for the active segment, possibly not yet written or synced). */
  size = 0;
  /** Bytes known synced (recovery checkpoints use it). */
  durableSize = 0;
  /** One past the index of the last record placed. */
  nextIndex: Index;
  /** Largest batch max timestamp, -1 while empty. */
  maxTimestamp = -1;
  /** Clock time of the first append (segment.ms age); undefined while empty. */
  firstAppendAt: number | undefined;
  offsetIndex = new OffsetIndex();
  timeIndex = new TimeIndex();
  /** Set once retention or DeleteRecords removed it: readers must retry. */
  deleted = false;
  /** Relative index of the first batch that reached maxTimestamp (for time index entries). */
  private maxTimestampRel = 0;
  private bytesSinceIndexEntry = 0;
  private file: Promise<StorageFile> | undefined;
  private leases = 0;
  /** Closed for good (log closed or segment deleted): no handle may be opened again. */
  private shut = false;

  constructor(
    readonly baseIndex: Index,
    readonly dir: string,
    private readonly indexIntervalBytes: number,
  ) {
    this.logPath = joinPath(dir, segmentFileName(baseIndex, SEGMENT_SUFFIX));
    this.indexPath = joinPath(dir, segmentFileName(baseIndex, INDEX_SUFFIX));
    this.timeIndexPath = joinPath(dir, segmentFileName(baseIndex, TIME_INDEX_SUFFIX));
    this.nextIndex = baseIndex;
  }

  /** A new, empty segment file (the caller syncs the directory). */
  static async create(
    storage: Storage,
    dir: string,
    baseIndex: Index,
    indexIntervalBytes: number,
  ): Promise<Segment> {
    const segment = new Segment(baseIndex, dir, indexIntervalBytes);
    segment.file = storage.open(segment.logPath, { create: true });
    await segment.file;
    return segment;
  }

  /** Restores the metadata of the first `files.logSize` bytes from the segment's index files. */
  loadIndexFiles(files: SegmentIndexFiles): void {
    this.size = files.logSize;
    this.durableSize = files.logSize;
    this.nextIndex = files.nextIndex;
    this.maxTimestamp = files.maxTimestamp;
    this.firstAppendAt = files.firstAppendAt >= 0 ? files.firstAppendAt : undefined;
    const offsets = files.offsets;
    this.offsetIndex = new OffsetIndex(offsets.rel, offsets.pos, offsets.rel.length);
    this.timeIndex = new TimeIndex(files.times.ts, files.times.rel, files.times.ts.length);
    const lastTime = files.times.ts.length - 1;
    // Any rel at or before the true one keeps time lookups correct; the last entry's is exact.
    this.maxTimestampRel =
      lastTime >= 0 && files.times.ts[lastTime] === this.maxTimestamp
        ? files.times.rel[lastTime]!
        : 0;
    const lastEntry = offsets.pos.length > 0 ? offsets.pos[offsets.pos.length - 1]! : 0;
    this.bytesSinceIndexEntry = this.size - lastEntry;
  }

  /**
   * Accounts for a batch placed at the end of the segment. Index entries follow Kafka's
   * LogSegment.append: once more than indexIntervalBytes were appended since the last entry,
   * this batch gets one, and the time index gets the max timestamp so far.
   */
  recordBatch(
    baseIndex: Index,
    lastIndex: Index,
    maxTimestamp: number,
    size: number,
    appendedAt: number,
  ): void {
    const rel = baseIndex - this.baseIndex;
    if (this.size === 0) this.firstAppendAt ??= appendedAt;
    if (maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = maxTimestamp;
      this.maxTimestampRel = rel;
    }
    if (this.size > 0 && this.bytesSinceIndexEntry >= this.indexIntervalBytes) {
      this.offsetIndex.append(rel, this.size);
      this.timeIndex.maybeAppend(this.maxTimestamp, this.maxTimestampRel);
      this.bytesSinceIndexEntry = 0;
    }
    this.size += size;
    this.bytesSinceIndexEntry += size;
    this.nextIndex = lastIndex + 1;
  }

  /** Makes the time index's last entry the segment's max timestamp (at seal and checkpoints). */
  completeTimeIndex(): void {
    this.timeIndex.maybeAppend(this.maxTimestamp, this.maxTimestampRel);
  }

  summary(): Omit<SegmentIndexFiles, 'offsets' | 'times'> {
    return {
      baseIndex: this.baseIndex,
      nextIndex: this.nextIndex,
      logSize: this.size,
      maxTimestamp: this.maxTimestamp,
      firstAppendAt: this.firstAppendAt ?? -1,
    };
  }

  /** The open .log file, opened on first use. */
  handle(storage: Storage): Promise<StorageFile> {
    if (this.shut) return Promise.reject(new Error(`segment ${this.logPath} is closed`));
    if (!this.file) {
      const opening = storage.open(this.logPath);
      this.file = opening;
      // A failed open must not stick: the next caller tries again.
      opening.catch(() => {
        if (this.file === opening) this.file = undefined;
      });
    }
    return this.file;
  }

  /** A reader's claim on the handle; false when the segment is already deleted. */
  acquire(): boolean {
    if (this.deleted) return false;
    this.leases++;
    return true;
  }

  release(): void {
    this.leases--;
    if (this.deleted && this.leases === 0) void this.close();
  }

  /** Marks the segment gone; its handle closes once no reader holds it. */
  markDeleted(): void {
    this.deleted = true;
    if (this.leases === 0) void this.close();
  }

  /** Closes the handle (errors are moot: nothing is written through a handle being closed). */
  async close(): Promise<void> {
    this.shut = true;
    const file = this.file;
    this.file = undefined;
    if (!file) return;
    try {
      await (await file).close();
    } catch {
      // An open that failed or a close error leaves nothing to release.
    }
  }
}
