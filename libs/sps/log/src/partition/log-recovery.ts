/**
 * Opening a partition directory: rebuilds the in-memory log from what survived.
 *
 * What is trusted:
 * - A segment's index files cover its first `logSize` bytes (written after those bytes were
 *   synced: at roll, at each recovery checkpoint, at clean close). They are trusted for those
 *   bytes when they decode (envelope CRC) and agree with the .log size and the next segment.
 * - After a clean close (clean-shutdown.meta, deleted durably as soon as it is read) the
 *   index files cover every byte and the producer snapshot every batch: nothing is scanned.
 *
 * What is scanned (length, magic, CRC-32C, lastOffsetDelta, contiguous base offsets):
 * - the bytes of the last segment after its indexed prefix (data written since the last
 *   checkpoint), and any segment whose index files are missing, rotten or stale (rebuilt and
 *   written back).
 *
 * What a bad batch means:
 * - In the last segment at or after the torn-tail point — max(indexed prefix, recovery
 *   checkpoint position) — it is a torn write: the tail is truncated there (and synced).
 *   Nothing acknowledged is lost: fsync 'always' acknowledges only synced bytes, synced bytes
 *   survive intact, and they all precede the first torn one.
 * - Anywhere else (a sealed segment, or before the checkpoint) it is mid-log corruption of
 *   data known durable: the partition opens failed, with the file, byte and check in the
 *   reason, and serves nothing. So does a segment shorter than its index, a gap between
 *   segments, or a checkpoint beyond the recovered end (synced records missing).
 *
 * Only the last segment can have a torn tail: a roll syncs the old segment before the new
 * one's directory entry exists.
 *
 * The idempotent-producer state is the snapshot (written with each checkpoint) plus the
 * batches after its `nextIndex`, replayed in log order.
 */
import { type Index, lastIndexOf, type RecordBatchHeader } from '@shopstream/sps-core';
import { type Clock } from '../clock';
import { joinPath, type Storage, type StorageFile } from '../storage/storage';
import { BatchCursor, type CursorStep } from './batch-cursor';
import {
  CHECKPOINT_FILE,
  CLEAN_SHUTDOWN_FILE,
  INDEX_SUFFIX,
  LOG_START_FILE,
  parseCheckpoint,
  parseCleanShutdown,
  parseLogStart,
  parseSegmentFileName,
  readEnvelopeFile,
  readSegmentIndexFiles,
  type RecoveryCheckpoint,
  segmentFileName,
  SEGMENT_SUFFIX,
  TIME_INDEX_SUFFIX,
  writeSegmentIndexFiles,
} from './log-format';
import { ProducerStateTable, readProducerSnapshot } from './producer-state';
import { Segment } from './segment';

/** What recovery did, for logs and tests. */
export interface RecoveryReport {
  /** The previous close was clean and everything on disk agreed with it. */
  clean: boolean;
  /** Bytes of segment data read and checked to rebuild the log. */
  scannedBytes: number;
  /** Bytes cut from a torn tail. */
  truncatedBytes: number;
  /** Segments whose index files were rebuilt by scanning. */
  rebuiltIndexes: number;
  /** Idempotent-producer batches replayed after the snapshot. */
  replayedBatches: number;
  /** Files that were unreadable or disagreed, and what was done instead. */
  notes: string[];
}

export interface RecoveredLog {
  /** In order; the last one is the active segment. Empty when failed. */
  segments: Segment[];
  logStartIndex: Index;
  producers: ProducerStateTable;
  /** Set when the log must not be served (mid-log corruption, durable data missing). */
  failure?: { reason: string; context: Record<string, unknown> };
  report: RecoveryReport;
}

export interface RecoveryOptions {
  dir: string;
  storage: Storage;
  clock: Clock;
  indexIntervalBytes: number;
}

const SCAN_WINDOW = 1024 * 1024;

class Corruption extends Error {
  constructor(
    readonly reason: string,
    readonly context: Record<string, unknown>,
  ) {
    super(reason);
  }
}

export async function recoverLog(options: RecoveryOptions): Promise<RecoveredLog> {
  const run = new Recovery(options);
  try {
    return await run.recover();
  } catch (error) {
    await Promise.all(run.segments.map((s) => s.close()));
    if (error instanceof Corruption) {
      return {
        segments: [],
        logStartIndex: 0,
        producers: new ProducerStateTable(),
        failure: { reason: error.reason, context: error.context },
        report: run.report,
      };
    }
    throw error;
  }
}

class Recovery {
  readonly report: RecoveryReport = {
    clean: false,
    scannedBytes: 0,
    truncatedBytes: 0,
    rebuiltIndexes: 0,
    replayedBatches: 0,
    notes: [],
  };
  readonly segments: Segment[] = [];
  private readonly storage: Storage;
  private readonly dir: string;
  private producers = new ProducerStateTable();
  /** Batches with a base index at or above this are replayed into `producers`. */
  private replayFrom = 0;

  constructor(private readonly options: RecoveryOptions) {
    this.storage = options.storage;
    this.dir = options.dir;
  }

  private path(name: string): string {
    return joinPath(this.dir, name);
  }

  async recover(): Promise<RecoveredLog> {
    await this.storage.mkdirp(this.dir);
    const names = await this.storage.list(this.dir);
    for (const name of names) if (name.endsWith('.tmp')) await this.storage.remove(this.path(name));

    const cleanNextIndex = await this.takeCleanMarker();
    const logStartFile = await readEnvelopeFile(
      this.storage,
      this.path(LOG_START_FILE),
      'SPSL',
      parseLogStart,
    );
    if (logStartFile && !logStartFile.ok) {
      throw new Corruption(
        `${this.path(LOG_START_FILE)} is unreadable (${logStartFile.problem}); the log start set by DeleteRecords is unknown`,
        {
          file: this.path(LOG_START_FILE),
        },
      );
    }
    const metaLogStart = logStartFile?.value ?? 0;
    const checkpoint = await this.readCheckpoint();
    const snapshot = await readProducerSnapshot(this.storage, this.dir);
    if (snapshot && !snapshot.ok)
      this.report.notes.push(
        `producer snapshot unreadable (${snapshot.problem}); rebuilt from the log`,
      );

    const bases = await this.segmentBases(names, metaLogStart);
    if (bases.length === 0) {
      if (checkpoint && checkpoint.nextIndex > metaLogStart) {
        throw new Corruption(
          `every segment file is missing, but records up to index ${checkpoint.nextIndex} were synced`,
          {
            file: this.dir,
          },
        );
      }
      this.segments.push(
        await Segment.create(this.storage, this.dir, metaLogStart, this.options.indexIntervalBytes),
      );
      await this.storage.syncDir(this.dir);
      this.report.clean = cleanNextIndex !== undefined;
      return {
        segments: this.segments,
        logStartIndex: metaLogStart,
        producers: this.producers,
        report: this.report,
      };
    }

    if (snapshot?.ok) {
      this.producers = snapshot.value.table;
      this.replayFrom = snapshot.value.nextIndex;
    } else {
      this.replayFrom = bases[0]!;
    }
    for (let i = 0; i < bases.length; i++) {
      await this.loadSegment(bases[i]!, bases[i + 1], cleanNextIndex, checkpoint);
    }

    const last = this.segments[this.segments.length - 1]!;
    const highWatermark = last.nextIndex;
    if (checkpoint && checkpoint.nextIndex > highWatermark) {
      throw new Corruption(
        `records up to index ${checkpoint.nextIndex} were synced, but the log now ends at ${highWatermark}`,
        {
          file: last.logPath,
          checkpoint: checkpoint.nextIndex,
          highWatermark,
        },
      );
    }
    if (snapshot?.ok && snapshot.value.nextIndex > highWatermark) {
      // The snapshot saw batches that are gone (fsync 'never' lost them): start over.
      this.report.notes.push(
        `producer snapshot reaches index ${snapshot.value.nextIndex}, past the log end; rebuilt from the log`,
      );
      this.producers = new ProducerStateTable();
      this.replayFrom = this.segments[0]!.baseIndex;
      for (const segment of this.segments) await this.replayTrusted(segment, segment.nextIndex);
    }
    this.report.clean =
      cleanNextIndex === highWatermark &&
      this.report.scannedBytes === 0 &&
      this.report.notes.length === 0;
    if (cleanNextIndex !== undefined && cleanNextIndex !== highWatermark) {
      this.report.notes.push(
        `clean-shutdown marker says index ${cleanNextIndex}, the log ends at ${highWatermark}`,
      );
    }
    const logStartIndex = Math.min(
      Math.max(metaLogStart, this.segments[0]!.baseIndex),
      highWatermark,
    );
    return {
      segments: this.segments,
      logStartIndex,
      producers: this.producers,
      report: this.report,
    };
  }

  /** Reads and durably deletes the clean-shutdown marker: from here on, a crash is unclean. */
  private async takeCleanMarker(): Promise<Index | undefined> {
    const path = this.path(CLEAN_SHUTDOWN_FILE);
    const marker = await readEnvelopeFile(this.storage, path, 'SPSC', parseCleanShutdown);
    if (!marker) return undefined;
    await this.storage.remove(path);
    await this.storage.syncDir(this.dir);
    if (marker.ok) return marker.value;
    this.report.notes.push(
      `clean-shutdown marker unreadable (${marker.problem}); recovering as after a crash`,
    );
    return undefined;
  }

  private async readCheckpoint(): Promise<RecoveryCheckpoint | undefined> {
    const file = await readEnvelopeFile(
      this.storage,
      this.path(CHECKPOINT_FILE),
      'SPSR',
      parseCheckpoint,
    );
    if (file && !file.ok)
      this.report.notes.push(
        `recovery checkpoint unreadable (${file.problem}); the last segment is scanned whole`,
      );
    return file?.ok ? file.value : undefined;
  }

  /** Segment base indexes in order, after removing orphan index files and segments wholly below the log start. */
  private async segmentBases(names: string[], logStart: Index): Promise<Index[]> {
    const bases = names.map(parseSegmentFileName).filter((b): b is Index => b !== undefined);
    bases.sort((a, b) => a - b);
    const live = new Set(bases.map((b) => segmentFileName(b, '')));
    let removed = false;
    for (const name of names) {
      const stem = name.endsWith(INDEX_SUFFIX)
        ? name.slice(0, -INDEX_SUFFIX.length)
        : name.endsWith(TIME_INDEX_SUFFIX)
          ? name.slice(0, -TIME_INDEX_SUFFIX.length)
          : undefined;
      if (stem !== undefined && /^\d{20}$/.test(stem) && !live.has(stem)) {
        await this.storage.remove(this.path(name));
        removed = true;
      }
    }
    // Finish a DeleteRecords or retention pass a crash interrupted (oldest first, never the last).
    while (bases.length > 1 && bases[1]! <= logStart) {
      const base = bases.shift()!;
      for (const suffix of [SEGMENT_SUFFIX, INDEX_SUFFIX, TIME_INDEX_SUFFIX])
        await this.storage.remove(this.path(segmentFileName(base, suffix)));
      removed = true;
    }
    if (removed) await this.storage.syncDir(this.dir);
    return bases;
  }

  private async loadSegment(
    base: Index,
    nextBase: Index | undefined,
    cleanNextIndex: Index | undefined,
    checkpoint: RecoveryCheckpoint | undefined,
  ): Promise<void> {
    const isLast = nextBase === undefined;
    const segment = new Segment(base, this.dir, this.options.indexIntervalBytes);
    this.segments.push(segment);
    const file = await segment.handle(this.storage);
    const fileSize = await file.size();
    const indexFiles = await readSegmentIndexFiles(this.storage, this.dir, base);
    if (indexFiles && !indexFiles.ok)
      this.report.notes.push(`${indexFiles.problem}; rebuilt by scanning`);
    const files = indexFiles?.ok ? indexFiles.value : undefined;
    if (files && files.logSize > fileSize) {
      throw new Corruption(
        `${segment.logPath} has ${fileSize} bytes but ${files.logSize} bytes were synced and indexed`,
        {
          file: segment.logPath,
          position: fileSize,
        },
      );
    }
    const complete =
      files !== undefined &&
      files.logSize === fileSize &&
      (isLast ? files.nextIndex === cleanNextIndex : files.nextIndex === nextBase);
    if (files && (complete || isLast)) segment.loadIndexFiles(files);
    if (isLast && checkpoint?.segmentBase === base && checkpoint.firstAppendAt >= 0)
      segment.firstAppendAt ??= checkpoint.firstAppendAt;

    const scanFrom = segment.size;
    const scanFromIndex = segment.nextIndex;
    await this.replayTrusted(segment, scanFromIndex);
    if (scanFrom < fileSize) {
      // The torn-tail point: bytes before it are known synced, after it may be a torn write.
      const tornFrom = isLast
        ? Math.max(scanFrom, checkpoint?.segmentBase === base ? checkpoint.position : 0)
        : Infinity;
      await this.scan(segment, file, fileSize, tornFrom);
      if (!isLast) {
        segment.completeTimeIndex();
        await writeSegmentIndexFiles(
          this.storage,
          this.dir,
          segment.summary(),
          segment.offsetIndex,
          segment.timeIndex,
        );
        this.report.rebuiltIndexes++;
      }
    }
    if (!isLast && segment.nextIndex !== nextBase) {
      throw new Corruption(
        `${segment.logPath} ends at index ${segment.nextIndex} but the next segment starts at ${nextBase}`,
        {
          file: segment.logPath,
          position: segment.size,
        },
      );
    }
  }

  /** Checks every batch from the segment's current end to `fileSize`, recording and replaying it. */
  private async scan(
    segment: Segment,
    file: StorageFile,
    fileSize: number,
    tornFrom: number,
  ): Promise<void> {
    const from = segment.size;
    const now = this.options.clock.now();
    const cursor = new BatchCursor(file, from, segment.nextIndex, fileSize, SCAN_WINDOW);
    for (;;) {
      const step = await cursor.next(true);
      if (step.kind === 'end') break;
      if (step.kind === 'bad') {
        this.report.scannedBytes += step.position - from;
        if (step.position < tornFrom) {
          throw new Corruption(`${segment.logPath} at byte ${step.position}: ${step.problem}`, {
            file: segment.logPath,
            position: step.position,
          });
        }
        this.report.truncatedBytes += fileSize - step.position;
        this.report.notes.push(
          `${segment.logPath}: torn tail of ${fileSize - step.position} bytes cut at byte ${step.position} (${step.problem})`,
        );
        await file.truncate(step.position);
        await file.sync();
        segment.durableSize = step.position;
        return;
      }
      const h = step.header;
      segment.recordBatch(
        h.baseOffset,
        lastIndexOf(h),
        h.maxTimestamp,
        step.bytes.length,
        Math.min(now, h.maxTimestamp),
      );
      this.replay(h);
    }
    this.report.scannedBytes += fileSize - from;
  }

  /**
   * Replays producer batches of the segment's already-indexed part, below `untilIndex`, that
   * the snapshot does not cover (a header walk; only needed when the snapshot is older than
   * the indexes, e.g. it was unreadable).
   */
  private async replayTrusted(segment: Segment, untilIndex: Index): Promise<void> {
    const from = Math.max(this.replayFrom, segment.baseIndex);
    if (from >= untilIndex) return;
    const entry = segment.offsetIndex.floor(from - segment.baseIndex);
    const file = await segment.handle(this.storage);
    const cursor = new BatchCursor(
      file,
      entry.position,
      segment.baseIndex + entry.rel,
      segment.size,
      SCAN_WINDOW,
    );
    while (cursor.expectedIndex < untilIndex) {
      const step: CursorStep = await cursor.next(false);
      if (step.kind === 'end') break;
      if (step.kind === 'bad') {
        throw new Corruption(`${segment.logPath} at byte ${step.position}: ${step.problem}`, {
          file: segment.logPath,
          position: step.position,
        });
      }
      if (step.header.baseOffset >= from) this.replay(step.header);
    }
  }

  private replay(h: RecordBatchHeader): void {
    if (h.producerId < 0 || h.baseOffset < this.replayFrom) return;
    this.producers.apply(h, h.baseOffset);
    this.report.replayedBatches++;
  }
}
