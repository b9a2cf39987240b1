/**
 * The read side of a partition log: forward reads (Fetch), backward reads and by-time lookup
 * (ListOffsets). Readers do not go through the partition's queue: each works on a `LogView`
 * taken synchronously at its start (the segment list is replaced, never mutated, and the
 * high watermark only covers data that is fully written — and durable under fsync 'always'),
 * and stops walking at that high watermark, so bytes still being written are never looked at.
 *
 * Every batch served (or decoded) has its CRC-32C checked; every batch walked over has its
 * length, magic and base offset checked (batch-cursor.ts). Anything wrong is corruption:
 * `ctx.corrupt` marks the partition failed and the read throws, so corrupt bytes never leave.
 */
import {
  Compression,
  compressionOf,
  decodeRecords,
  type Index,
  lastIndexOf,
  type RecordBatchHeader,
  type SpsError,
} from '@shopstream/sps-core';
import { type Storage, type StorageFile } from '../storage/storage';
import { type ReadResult } from '../types';
import { BatchCursor, crcProblem, type CursorStep } from './batch-cursor';
import { indexOutOfRange, SegmentGoneError } from './partition-errors';
import { type Segment } from './segment';

export interface LogView {
  readonly segments: readonly Segment[];
  readonly highWatermark: Index;
  readonly logStartIndex: Index;
}

export interface ReaderContext {
  readonly name: string;
  readonly storage: Storage;
  readonly indexIntervalBytes: number;
  /** Marks the partition failed because of corrupt stored data; returns the error to throw. */
  corrupt(reason: string, context: Record<string, unknown>): SpsError;
}

const EMPTY = Buffer.alloc(0);
const MIN_WINDOW = 64 * 1024;
const MAX_WINDOW = 8 * 1024 * 1024;

/** The segment holding `index`: the last one whose base index is at or below it. */
export function segmentFor(segments: readonly Segment[], index: Index): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.baseIndex <= index) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

async function withSegment<T>(
  ctx: ReaderContext,
  segment: Segment,
  fn: (file: StorageFile) => Promise<T>,
): Promise<T> {
  if (!segment.acquire()) throw new SegmentGoneError(segment.logPath);
  try {
    return await fn(await segment.handle(ctx.storage));
  } catch (error) {
    // The segment vanished under us (retention); the caller retries with a fresh view.
    if (segment.deleted) throw new SegmentGoneError(segment.logPath);
    throw error;
  } finally {
    segment.release();
  }
}

function cursorAt(
  ctx: ReaderContext,
  file: StorageFile,
  segment: Segment,
  rel: number,
  byBytes: number,
): BatchCursor {
  const entry = segment.offsetIndex.floor(rel);
  return cursorFrom(ctx, file, segment, entry.position, segment.baseIndex + entry.rel, byBytes);
}

function cursorFrom(
  ctx: ReaderContext,
  file: StorageFile,
  segment: Segment,
  position: number,
  index: Index,
  byBytes: number,
): BatchCursor {
  const window = Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, byBytes + 2 * ctx.indexIntervalBytes));
  return new BatchCursor(file, position, index, segment.size, window);
}

function badBatch(
  ctx: ReaderContext,
  segment: Segment,
  step: { position: number; problem: string },
): SpsError {
  return ctx.corrupt(`${segment.logPath} at byte ${step.position}: ${step.problem}`, {
    file: segment.logPath,
    position: step.position,
  });
}

/** The CRC check of a batch about to be served or decoded. */
function verified(
  ctx: ReaderContext,
  segment: Segment,
  step: Extract<CursorStep, { kind: 'batch' }>,
): Buffer {
  const problem = crcProblem(step.bytes, step.header);
  if (problem) throw badBatch(ctx, segment, { position: step.position, problem });
  return step.bytes;
}

/** Concatenates batches; views of one read buffer that touch are joined without a copy. */
function join(parts: Buffer[]): Buffer {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  let end = first.byteOffset + first.length;
  const contiguous = parts.every((p, i) => {
    if (i === 0) return true;
    const ok = p.buffer === first.buffer && p.byteOffset === end;
    end += p.length;
    return ok;
  });
  if (contiguous) return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
  return Buffer.concat(parts);
}

function result(view: LogView, records: Buffer): ReadResult {
  return { records, highWatermark: view.highWatermark, logStartIndex: view.logStartIndex };
}

/** Fetch: whole batches from the one holding `index`, about `maxBytes` (at least one batch). */
export async function readFrom(
  ctx: ReaderContext,
  view: LogView,
  index: Index,
  maxBytes: number,
): Promise<ReadResult> {
  const hw = view.highWatermark;
  if (index < view.logStartIndex || index > hw)
    throw indexOutOfRange(ctx.name, index, view.logStartIndex, hw);
  if (index === hw) return result(view, EMPTY);
  const segment = view.segments[segmentFor(view.segments, index)]!;
  return withSegment(ctx, segment, async (file) => {
    const cursor = cursorAt(ctx, file, segment, index - segment.baseIndex, maxBytes);
    const served: Buffer[] = [];
    let total = 0;
    while (cursor.expectedIndex < hw) {
      const step = await cursor.next(false);
      if (step.kind === 'end') break;
      if (step.kind === 'bad') throw badBatch(ctx, segment, step);
      if (lastIndexOf(step.header) < index) continue;
      if (served.length > 0 && total + step.bytes.length > maxBytes) break;
      served.push(verified(ctx, segment, step));
      total += step.bytes.length;
      if (total >= maxBytes) break;
    }
    if (served.length === 0) {
      throw badBatch(ctx, segment, {
        position: cursor.position,
        problem: `no batch holds index ${index}`,
      });
    }
    return result(view, join(served));
  });
}

/**
 * Backward traversal: the whole batches ending before `beforeIndex` that are closest to it,
 * about `maxBytes` of them (at least one), in log order. Empty at the log start. Batches have
 * no back pointers, so it looks `maxBytes` back through the sparse index and walks forward.
 */
export async function readBefore(
  ctx: ReaderContext,
  view: LogView,
  beforeIndex: Index,
  maxBytes: number,
): Promise<ReadResult> {
  const hw = view.highWatermark;
  if (beforeIndex > hw) throw indexOutOfRange(ctx.name, beforeIndex, view.logStartIndex, hw);
  let before = beforeIndex;
  while (before > view.logStartIndex) {
    const segment = view.segments[segmentFor(view.segments, before - 1)]!;
    const found = await withSegment(ctx, segment, (file) =>
      batchesBefore(ctx, view, segment, file, before, maxBytes),
    );
    if (found.length > 0) return result(view, join(found));
    // Nothing ends before `before` in this segment: its first batch holds `before`, so look
    // in the previous segment (or we are at the log start and the loop ends).
    before = segment.baseIndex;
  }
  return result(view, EMPTY);
}

async function batchesBefore(
  ctx: ReaderContext,
  view: LogView,
  segment: Segment,
  file: StorageFile,
  before: Index,
  maxBytes: number,
): Promise<Buffer[]> {
  const base = segment.baseIndex;
  const end = segment.offsetIndex.floor(before - 1 - base);
  // Start strictly before the end entry's batch, far enough back to cover maxBytes.
  let start = segment.offsetIndex.floorByPosition(
    Math.max(0, end.position - Math.max(1, maxBytes)),
  );
  if (view.logStartIndex > base) {
    const atStart = segment.offsetIndex.floor(view.logStartIndex - base);
    if (atStart.position > start.position) start = atStart;
  }
  const cursor = cursorFrom(
    ctx,
    file,
    segment,
    start.position,
    base + start.rel,
    end.position - start.position + maxBytes,
  );
  const walked: Array<Extract<CursorStep, { kind: 'batch' }>> = [];
  while (cursor.expectedIndex < before && cursor.expectedIndex < view.highWatermark) {
    const step = await cursor.next(false);
    if (step.kind === 'end') break;
    if (step.kind === 'bad') throw badBatch(ctx, segment, step);
    const last = lastIndexOf(step.header);
    if (last >= before) break;
    if (last >= view.logStartIndex) walked.push(step);
  }
  let total = 0;
  let from = walked.length;
  while (
    from > 0 &&
    (from === walked.length || total + walked[from - 1]!.bytes.length <= maxBytes)
  ) {
    from--;
    total += walked[from]!.bytes.length;
  }
  return walked.slice(from).map((step) => verified(ctx, segment, step));
}

/**
 * Java's offsetsForTimes: the first record (at or after the log start) whose timestamp is at
 * least `timestamp`. Segments are skipped by max timestamp, the time index narrows the walk
 * in a segment, and the candidate batch is decoded for the exact record (uncompressed and
 * gzip); for snappy, lz4 and zstd, which SPS does not decode, the batch's first index stands.
 */
export async function findByTimestamp(
  ctx: ReaderContext,
  view: LogView,
  timestamp: number,
): Promise<{ index: Index; timestamp: number } | null> {
  const start = view.logStartIndex;
  for (let i = segmentFor(view.segments, start); i < view.segments.length; i++) {
    const segment = view.segments[i]!;
    if (segment.baseIndex >= view.highWatermark) break;
    if (segment.maxTimestamp < timestamp) continue;
    const found = await withSegment(ctx, segment, async (file) => {
      const rel = Math.max(segment.timeIndex.startRelFor(timestamp), start - segment.baseIndex);
      const cursor = cursorAt(ctx, file, segment, rel, 0);
      while (cursor.expectedIndex < view.highWatermark) {
        const step = await cursor.next(false);
        if (step.kind === 'end') return undefined;
        if (step.kind === 'bad') throw badBatch(ctx, segment, step);
        if (lastIndexOf(step.header) < start || step.header.maxTimestamp < timestamp) continue;
        const hit = firstRecordAtOrAfter(
          verified(ctx, segment, step),
          step.header,
          timestamp,
          start,
        );
        if (hit) return hit;
      }
      return undefined;
    });
    if (found) return found;
  }
  return null;
}

function firstRecordAtOrAfter(
  batch: Buffer,
  header: RecordBatchHeader,
  timestamp: number,
  start: Index,
): { index: Index; timestamp: number } | undefined {
  const codec = compressionOf(header);
  const batchLevel = { index: Math.max(header.baseOffset, start), timestamp: header.maxTimestamp };
  if (codec !== Compression.None && codec !== Compression.Gzip) return batchLevel;
  try {
    const record = decodeRecords(batch).find((r) => r.timestamp >= timestamp && r.index >= start);
    // A batch whose maxTimestamp overstates its records (a client bug): keep looking.
    return record ? { index: record.index, timestamp: record.timestamp } : undefined;
  } catch {
    // The CRC matched, so undecodable records are the client's; answer at batch level.
    return batchLevel;
  }
}
