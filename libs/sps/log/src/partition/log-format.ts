/**
 * The on-disk format of one partition log, and the functions that read and write its files.
 *
 * ```
 * <partition dir>/                     e.g. <data>/streams/orders/0
 *   00000000000000000000.log           segment: Kafka record batches v2 back to back, exactly as
 *                                      the client sent them, except baseOffset (bytes 0-7) and
 *                                      partitionLeaderEpoch (bytes 12-15), which the CRC does not
 *                                      cover. Name = the segment's base index, 20 digits.
 *   00000000000000000000.index         sparse offset index of that segment  (kind 'SPSI')
 *   00000000000000000000.timeindex     time index of that segment           (kind 'SPST')
 *   log-start.meta                     log start index set by DeleteRecords  (kind 'SPSL')
 *   recovery-checkpoint.meta           durable point for unclean recovery   (kind 'SPSR')
 *   producer-state.meta                idempotent-producer snapshot         (kind 'SPSP')
 *   clean-shutdown.meta                exists from a clean close to the next open (kind 'SPSC')
 *
 * Every file but the .log files is one envelope, written with Storage.writeFileAtomic (old or
 * new after a crash, never torn), all integers big-endian:
 *   magic    4 bytes   kind, ASCII ('SPSI', 'SPST', ...)
 *   version  uint16    format version of this kind (1 for every kind today)
 *   length   uint32    payload bytes
 *   crc      uint32    CRC-32C of the payload
 *   payload  by kind:
 *     SPSI v1  baseIndex int64, nextIndex int64, logSize int64 (bytes of the .log it covers),
 *              maxTimestamp int64 (-1 when empty), firstAppendAt int64 (clock ms, -1 unknown),
 *              count uint32, count × (relativeIndex uint32, position uint32)
 *              — an entry every ~indexIntervalBytes: the batch with base index baseIndex +
 *              relativeIndex starts at byte `position` of the .log.
 *     SPST v1  baseIndex int64, count uint32, count × (timestamp int64, relativeIndex uint32)
 *              — timestamps strictly increase; each is the segment's max timestamp so far and
 *              relativeIndex the first batch that reached it, so every batch before it has a
 *              smaller max timestamp.
 *     SPSL v1  logStartIndex int64
 *     SPSR v1  segmentBase int64, position int64, nextIndex int64, firstAppendAt int64
 *              — every byte of segment `segmentBase` below `position` (and every earlier
 *              segment) is synced, and the index, time index and producer snapshot on disk
 *              cover it.
 *     SPSP v1  see producer-state.ts
 *     SPSC v1  nextIndex int64 (the high watermark at close)
 * ```
 *
 * Index files of a segment exist once it is sealed (rolled), and for the active segment at
 * each recovery checkpoint and at clean close; they cover the first `logSize` bytes of the
 * .log. Recovery trusts them for those bytes and scans only what follows (log-recovery.ts).
 *
 * **Version rule.** Each kind is versioned on its own. A change to a payload layout bumps
 * that kind's version; writers always write the current version; readers accept every version
 * they know and refuse a newer one with SPS_ERR_PARTITION_FAILED naming the file, so an older
 * SPS never misreads data written by a newer one. The .log files carry no version of their own:
 * each record batch has its magic byte (only magic 2 is accepted).
 */
import { ByteReader, ByteWriter, crc32c, type Index, SpsError } from '@shopstream/sps-core';
import { joinPath, type Storage } from '../storage/storage';
import { type OffsetIndex, type TimeIndex } from './sparse-index';

export const SEGMENT_SUFFIX = '.log';
export const INDEX_SUFFIX = '.index';
export const TIME_INDEX_SUFFIX = '.timeindex';
export const LOG_START_FILE = 'log-start.meta';
export const CHECKPOINT_FILE = 'recovery-checkpoint.meta';
export const PRODUCER_STATE_FILE = 'producer-state.meta';
export const CLEAN_SHUTDOWN_FILE = 'clean-shutdown.meta';

const SEGMENT_NAME = /^(\d{20})\.log$/;

/** `00000000000000000042.log` for base index 42. */
export function segmentFileName(baseIndex: Index, suffix: string): string {
  return `${String(baseIndex).padStart(20, '0')}${suffix}`;
}

/** The base index of a segment file name, or undefined for any other name. */
export function parseSegmentFileName(name: string): Index | undefined {
  const m = SEGMENT_NAME.exec(name);
  return m ? Number(m[1]) : undefined;
}

export type FileKind = 'SPSI' | 'SPST' | 'SPSL' | 'SPSR' | 'SPSP' | 'SPSC';
export const FORMAT_VERSION: Record<FileKind, number> = {
  SPSI: 1,
  SPST: 1,
  SPSL: 1,
  SPSR: 1,
  SPSP: 1,
  SPSC: 1,
};
const ENVELOPE_SIZE = 14;

/** A file that could not be read back: the reason, for the recovery report or a failure. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: string };

export function encodeEnvelope(kind: FileKind, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(ENVELOPE_SIZE + payload.length);
  out.write(kind, 0, 'latin1');
  out.writeUInt16BE(FORMAT_VERSION[kind], 4);
  out.writeUInt32BE(payload.length, 6);
  out.writeUInt32BE(crc32c(payload), 10);
  payload.copy(out, ENVELOPE_SIZE);
  return out;
}

/**
 * Opens an envelope. A torn or rotten file is `{ ok: false }` (the caller decides what that
 * costs); a version newer than this build knows throws, per the version rule.
 */
export function decodeEnvelope<T>(
  bytes: Buffer,
  kind: FileKind,
  path: string,
  parse: (r: ByteReader, version: number) => T,
): Decoded<T> {
  if (bytes.length < ENVELOPE_SIZE)
    return { ok: false, problem: `${bytes.length} bytes, too short` };
  const magic = bytes.toString('latin1', 0, 4);
  if (magic !== kind) return { ok: false, problem: `magic "${magic}", expected "${kind}"` };
  const version = bytes.readUInt16BE(4);
  if (version === 0 || version > FORMAT_VERSION[kind]) {
    throw new SpsError(
      'SPS_ERR_PARTITION_FAILED',
      `${path} has format version ${version}; this SPS build reads ${kind} files up to version ${FORMAT_VERSION[kind]} (written by a newer SPS?)`,
      {
        context: {
          reason: 'unsupported format version',
          file: path,
          version,
          supported: FORMAT_VERSION[kind],
        },
      },
    );
  }
  const length = bytes.readUInt32BE(6);
  if (ENVELOPE_SIZE + length !== bytes.length) {
    return {
      ok: false,
      problem: `payload length ${length} does not match the file size ${bytes.length}`,
    };
  }
  const payload = bytes.subarray(ENVELOPE_SIZE);
  if (crc32c(payload) !== bytes.readUInt32BE(10)) return { ok: false, problem: 'CRC32C mismatch' };
  try {
    const r = new ByteReader(payload);
    const value = parse(r, version);
    if (r.remaining !== 0)
      return { ok: false, problem: `${r.remaining} unexpected trailing bytes` };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads and decodes a small file; `undefined` when it does not exist. */
export async function readEnvelopeFile<T>(
  storage: Storage,
  path: string,
  kind: FileKind,
  parse: (r: ByteReader, version: number) => T,
): Promise<Decoded<T> | undefined> {
  const bytes = await storage.readFile(path);
  return bytes === undefined ? undefined : decodeEnvelope(bytes, kind, path, parse);
}

// ------------------------------------------------------------------------------ index files

/** What a segment's two index files say about it. */
export interface SegmentIndexFiles {
  baseIndex: Index;
  nextIndex: Index;
  logSize: number;
  maxTimestamp: number;
  /** -1 when unknown. */
  firstAppendAt: number;
  offsets: { rel: Uint32Array; pos: Uint32Array };
  times: { ts: Float64Array; rel: Uint32Array };
}

export function encodeOffsetIndexFile(
  summary: Omit<SegmentIndexFiles, 'offsets' | 'times'>,
  index: OffsetIndex,
): Buffer {
  const w = new ByteWriter(44 + index.count * 8);
  w.int64(summary.baseIndex).int64(summary.nextIndex).int64(summary.logSize);
  w.int64(summary.maxTimestamp).int64(summary.firstAppendAt).uint32(index.count);
  for (let i = 0; i < index.count; i++) w.uint32(index.relAt(i)).uint32(index.positionAt(i));
  return encodeEnvelope('SPSI', w.finish());
}

export function encodeTimeIndexFile(baseIndex: Index, index: TimeIndex): Buffer {
  const w = new ByteWriter(12 + index.count * 12);
  w.int64(baseIndex).uint32(index.count);
  for (let i = 0; i < index.count; i++) w.int64(index.timestampAt(i)).uint32(index.relAt(i));
  return encodeEnvelope('SPST', w.finish());
}

function parseOffsetIndex(r: ByteReader): Omit<SegmentIndexFiles, 'times'> {
  const baseIndex = r.int64Number('baseIndex');
  const nextIndex = r.int64Number('nextIndex');
  const logSize = r.int64Number('logSize');
  const maxTimestamp = r.int64Number('maxTimestamp');
  const firstAppendAt = r.int64Number('firstAppendAt');
  const count = r.uint32();
  r.need(count * 8, 'index entries');
  const rel = new Uint32Array(count);
  const pos = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    rel[i] = r.uint32();
    pos[i] = r.uint32();
    // Entries must move forward and stay inside the bytes they index, or lookups go astray.
    if (pos[i]! >= logSize || (i > 0 && (rel[i]! <= rel[i - 1]! || pos[i]! <= pos[i - 1]!))) {
      throw new Error(`index entry ${i} (${rel[i]}, ${pos[i]}) is out of order or past the data`);
    }
  }
  if (nextIndex < baseIndex || logSize < 0) throw new Error('impossible segment summary');
  return { baseIndex, nextIndex, logSize, maxTimestamp, firstAppendAt, offsets: { rel, pos } };
}

function parseTimeIndex(r: ByteReader): { baseIndex: Index; ts: Float64Array; rel: Uint32Array } {
  const baseIndex = r.int64Number('baseIndex');
  const count = r.uint32();
  r.need(count * 12, 'time index entries');
  const ts = new Float64Array(count);
  const rel = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    ts[i] = r.int64Number('timestamp');
    rel[i] = r.uint32();
    if (i > 0 && ts[i]! <= ts[i - 1]!) throw new Error(`time index entry ${i} does not increase`);
  }
  return { baseIndex, ts, rel };
}

/**
 * Both index files of a segment, checked against each other; `undefined` when either is
 * missing, torn or rotten (the caller rebuilds them by scanning the segment).
 */
export async function readSegmentIndexFiles(
  storage: Storage,
  dir: string,
  baseIndex: Index,
): Promise<Decoded<SegmentIndexFiles> | undefined> {
  const indexPath = joinPath(dir, segmentFileName(baseIndex, INDEX_SUFFIX));
  const timePath = joinPath(dir, segmentFileName(baseIndex, TIME_INDEX_SUFFIX));
  const offsets = await readEnvelopeFile(storage, indexPath, 'SPSI', parseOffsetIndex);
  const times = await readEnvelopeFile(storage, timePath, 'SPST', parseTimeIndex);
  if (offsets === undefined || times === undefined) return undefined;
  if (!offsets.ok) return { ok: false, problem: `${indexPath}: ${offsets.problem}` };
  if (!times.ok) return { ok: false, problem: `${timePath}: ${times.problem}` };
  if (offsets.value.baseIndex !== baseIndex || times.value.baseIndex !== baseIndex) {
    return { ok: false, problem: `index files of segment ${baseIndex} name another base index` };
  }
  const lastRel = times.value.rel[times.value.rel.length - 1];
  if (lastRel !== undefined && lastRel >= offsets.value.nextIndex - baseIndex) {
    return { ok: false, problem: `time index of segment ${baseIndex} points past its records` };
  }
  return {
    ok: true,
    value: { ...offsets.value, times: { ts: times.value.ts, rel: times.value.rel } },
  };
}

// ------------------------------------------------------------------------------ meta files

export interface RecoveryCheckpoint {
  segmentBase: Index;
  position: number;
  nextIndex: Index;
  /** -1 when unknown. */
  firstAppendAt: number;
}

export function encodeCheckpoint(c: RecoveryCheckpoint): Buffer {
  const w = new ByteWriter(32);
  w.int64(c.segmentBase).int64(c.position).int64(c.nextIndex).int64(c.firstAppendAt);
  return encodeEnvelope('SPSR', w.finish());
}

export function parseCheckpoint(r: ByteReader): RecoveryCheckpoint {
  return {
    segmentBase: r.int64Number('segmentBase'),
    position: r.int64Number('position'),
    nextIndex: r.int64Number('nextIndex'),
    firstAppendAt: r.int64Number('firstAppendAt'),
  };
}

export function encodeLogStart(logStartIndex: Index): Buffer {
  return encodeEnvelope('SPSL', new ByteWriter(8).int64(logStartIndex).finish());
}

export function parseLogStart(r: ByteReader): Index {
  return r.int64Number('logStartIndex');
}

export function encodeCleanShutdown(nextIndex: Index): Buffer {
  return encodeEnvelope('SPSC', new ByteWriter(8).int64(nextIndex).finish());
}

export function parseCleanShutdown(r: ByteReader): Index {
  return r.int64Number('nextIndex');
}

// ------------------------------------------------------------------------------ writers

/** Writes a segment's two index files (each atomically and durably). */
export async function writeSegmentIndexFiles(
  storage: Storage,
  dir: string,
  summary: Omit<SegmentIndexFiles, 'offsets' | 'times'>,
  offsets: OffsetIndex,
  times: TimeIndex,
): Promise<void> {
  const base = summary.baseIndex;
  await storage.writeFileAtomic(
    joinPath(dir, segmentFileName(base, INDEX_SUFFIX)),
    encodeOffsetIndexFile(summary, offsets),
  );
  await storage.writeFileAtomic(
    joinPath(dir, segmentFileName(base, TIME_INDEX_SUFFIX)),
    encodeTimeIndexFile(base, times),
  );
}

export async function writeCheckpoint(
  storage: Storage,
  dir: string,
  checkpoint: RecoveryCheckpoint,
): Promise<void> {
  await storage.writeFileAtomic(joinPath(dir, CHECKPOINT_FILE), encodeCheckpoint(checkpoint));
}

export async function writeLogStart(
  storage: Storage,
  dir: string,
  logStartIndex: Index,
): Promise<void> {
  await storage.writeFileAtomic(joinPath(dir, LOG_START_FILE), encodeLogStart(logStartIndex));
}

export async function writeCleanShutdown(
  storage: Storage,
  dir: string,
  nextIndex: Index,
): Promise<void> {
  await storage.writeFileAtomic(joinPath(dir, CLEAN_SHUTDOWN_FILE), encodeCleanShutdown(nextIndex));
}
