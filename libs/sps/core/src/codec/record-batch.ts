/**
 * Kafka's record batch, magic v2 — the unit SPS stores, serves and checksums.
 *
 * ```
 * RecordBatch =>                      offset
 *   baseOffset           int64        0    the broker assigns (clients send 0)
 *   batchLength          int32        8    bytes after this field
 *   partitionLeaderEpoch int32        12   the broker overwrites
 *   magic                int8         16   = 2
 *   crc                  uint32       17   CRC-32C of bytes [21, end)
 *   attributes           int16        21   bits 0-2 codec, 3 timestamp type, 4 transactional, 5 control
 *   lastOffsetDelta      int32        23
 *   baseTimestamp        int64        27
 *   maxTimestamp         int64        35
 *   producerId           int64        43   -1 unless idempotent
 *   producerEpoch        int16        51
 *   baseSequence         int32        53
 *   recordsCount         int32        57
 *   records              [Record]     61   one compressed blob when codec != 0
 * Record =>
 *   length varint, attributes int8, timestampDelta varlong, offsetDelta varint,
 *   key varint-bytes, value varint-bytes, headers [varint-string key, varint-bytes value]
 * ```
 *
 * The CRC starts at `attributes`, so the broker may rewrite `baseOffset` and
 * `partitionLeaderEpoch` in place and keep the client's bytes and checksum as they are.
 * gzip is encoded and decoded here; snappy, lz4 and zstd batches pass through untouched
 * (header, CRC and offsets work on them), only their records cannot be decoded.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { SpsError } from '../errors/sps-error';
import { type Index, type RecordHeader, type RecordInput, type StoredRecord } from '../vocabulary';
import { ByteReader } from './byte-reader';
import { ByteWriter } from './byte-writer';
import { crc32c } from './crc32c';

export const MAGIC_V2 = 2;
/** Bytes before the first record: the fixed header through `recordsCount`. */
export const BATCH_HEADER_SIZE = 61;
/** `baseOffset` + `batchLength`: the part of the header not counted in `batchLength`. */
export const BATCH_LOG_OVERHEAD = 12;
/** Where the CRC-covered bytes start. */
const CRC_START = 21;

export const Compression = {
  None: 0,
  Gzip: 1,
  Snappy: 2,
  Lz4: 3,
  Zstd: 4,
} as const;
export type Compression = (typeof Compression)[keyof typeof Compression];
const CODEC_NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

const ATTR_CODEC_MASK = 0x07;
const ATTR_LOG_APPEND_TIME = 0x08;
const ATTR_TRANSACTIONAL = 0x10;
const ATTR_CONTROL = 0x20;

export interface RecordBatchHeader {
  baseOffset: Index;
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  attributes: number;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordsCount: number;
}

/** The batch's total size on disk and on the wire. */
export function batchSize(header: Pick<RecordBatchHeader, 'batchLength'>): number {
  return header.batchLength + BATCH_LOG_OVERHEAD;
}

export function compressionOf(header: Pick<RecordBatchHeader, 'attributes'>): Compression {
  return (header.attributes & ATTR_CODEC_MASK) as Compression;
}

export function isControlBatch(header: Pick<RecordBatchHeader, 'attributes'>): boolean {
  return (header.attributes & ATTR_CONTROL) !== 0;
}

export function isTransactionalBatch(header: Pick<RecordBatchHeader, 'attributes'>): boolean {
  return (header.attributes & ATTR_TRANSACTIONAL) !== 0;
}

/** The index of the batch's last record. */
export function lastIndexOf(
  header: Pick<RecordBatchHeader, 'baseOffset' | 'lastOffsetDelta'>,
): Index {
  return header.baseOffset + header.lastOffsetDelta;
}

/**
 * Reads the fixed header of the batch starting at `offset`. Needs the 61 header bytes; does
 * not look at the records or the CRC (see {@link validateBatch}).
 */
export function readBatchHeader(buf: Buffer, offset = 0): RecordBatchHeader {
  const r = new ByteReader(buf, offset);
  r.need(BATCH_HEADER_SIZE, 'record batch header');
  return {
    baseOffset: r.int64Number('baseOffset'),
    batchLength: r.int32(),
    partitionLeaderEpoch: r.int32(),
    magic: r.int8(),
    crc: r.uint32(),
    attributes: r.int16(),
    lastOffsetDelta: r.int32(),
    baseTimestamp: r.int64Number('baseTimestamp'),
    maxTimestamp: r.int64Number('maxTimestamp'),
    producerId: r.int64Number('producerId'),
    producerEpoch: r.int16(),
    baseSequence: r.int32(),
    recordsCount: r.int32(),
  };
}

function corrupt(message: string, context: Record<string, unknown>): SpsError {
  return new SpsError('SPS_ERR_CORRUPT_BATCH', message, { context });
}

/**
 * Checks one batch (`batch` holds exactly one): magic 2, `batchLength` consistent with the
 * bytes, a sane record count, and the CRC-32C. Returns the parsed header.
 * Throws `SPS_ERR_CORRUPT_BATCH` (or `SPS_ERR_MALFORMED` when the header itself is cut short).
 */
export function validateBatch(batch: Buffer): RecordBatchHeader {
  // Check framing and the CRC on the raw bytes first: a corrupt header field must be reported
  // as corruption, not misread as a value.
  new ByteReader(batch).need(BATCH_HEADER_SIZE, 'record batch header');
  const magic = batch.readInt8(16);
  if (magic !== MAGIC_V2) {
    throw corrupt(`record batch magic is ${magic}, only magic 2 is supported`, { magic });
  }
  const batchLength = batch.readInt32BE(8);
  if (batchLength + BATCH_LOG_OVERHEAD !== batch.length) {
    throw corrupt(
      `record batch length field says ${batchLength + BATCH_LOG_OVERHEAD} bytes, the batch has ${batch.length}`,
      { batchLength, bytes: batch.length },
    );
  }
  const storedCrc = batch.readUInt32BE(17);
  const computedCrc = crc32c(batch.subarray(CRC_START));
  if (computedCrc !== storedCrc) {
    throw corrupt(
      `record batch CRC32C mismatch: stored ${storedCrc.toString(16)}, computed ${computedCrc.toString(16)}`,
      { storedCrc, computedCrc },
    );
  }
  const header = readBatchHeader(batch);
  if (header.recordsCount < 0 || header.lastOffsetDelta < 0) {
    throw corrupt('record batch has a negative record count or offset delta', {
      recordsCount: header.recordsCount,
      lastOffsetDelta: header.lastOffsetDelta,
    });
  }
  return header;
}

/** Rewrites `baseOffset` in place (not covered by the CRC). */
export function setBaseOffset(batch: Buffer, baseOffset: Index): void {
  batch.writeBigInt64BE(BigInt(baseOffset), 0);
}

/** Rewrites `partitionLeaderEpoch` in place (not covered by the CRC). */
export function setPartitionLeaderEpoch(batch: Buffer, epoch: number): void {
  batch.writeInt32BE(epoch, 12);
}

/**
 * Splits a buffer of concatenated batches into one slice per whole batch (no copies). A
 * trailing partial batch is left out (`rest` says where it starts), as Kafka clients do with
 * a fetch response cut at the byte limit.
 */
export function splitBatches(buf: Buffer): { batches: Buffer[]; rest: number } {
  const batches: Buffer[] = [];
  let pos = 0;
  while (buf.length - pos >= BATCH_LOG_OVERHEAD) {
    const length = buf.readInt32BE(pos + 8);
    if (length < BATCH_HEADER_SIZE - BATCH_LOG_OVERHEAD) {
      throw corrupt(`record batch length ${length} is smaller than a batch header`, {
        offset: pos,
        batchLength: length,
      });
    }
    const end = pos + BATCH_LOG_OVERHEAD + length;
    if (end > buf.length) break;
    batches.push(buf.subarray(pos, end));
    pos = end;
  }
  return { batches, rest: pos };
}

function recordsPayload(batch: Buffer, header: RecordBatchHeader): Buffer {
  const body = batch.subarray(BATCH_HEADER_SIZE, batchSize(header));
  const codec = compressionOf(header);
  switch (codec) {
    case Compression.None:
      return body;
    case Compression.Gzip:
      try {
        return gunzipSync(body);
      } catch (cause) {
        throw new SpsError('SPS_ERR_CORRUPT_BATCH', 'gzip record payload does not decompress', {
          cause,
          context: { baseOffset: header.baseOffset },
        });
      }
    default:
      throw new SpsError(
        'SPS_ERR_UNSUPPORTED_COMPRESSION',
        `cannot decode ${CODEC_NAMES[codec] ?? `codec ${codec}`} records (the batch itself is stored and served as is)`,
        { context: { codec, baseOffset: header.baseOffset } },
      );
  }
}

/**
 * Decodes the records of one batch. `index` = baseOffset + offsetDelta; `timestamp` =
 * baseTimestamp + timestampDelta, or the batch's maxTimestamp for LogAppendTime batches.
 * Does not verify the CRC (call {@link validateBatch} on untrusted input first).
 */
export function decodeRecords(batch: Buffer): StoredRecord[] {
  const header = readBatchHeader(batch);
  if (header.magic !== MAGIC_V2) {
    throw corrupt(`record batch magic is ${header.magic}, only magic 2 is supported`, {
      magic: header.magic,
    });
  }
  const payload = recordsPayload(batch, header);
  const r = new ByteReader(payload);
  const logAppendTime = (header.attributes & ATTR_LOG_APPEND_TIME) !== 0;
  const records: StoredRecord[] = [];
  for (let i = 0; i < header.recordsCount; i++) {
    const length = r.varint();
    const end = r.offset + length;
    r.need(length, 'record');
    r.int8(); // record attributes: unused
    const timestampDelta = r.varlong();
    const offsetDelta = r.varint();
    const key = r.varintBytes('record key');
    const value = r.varintBytes('record value');
    const headerCount = r.varint();
    if (headerCount < 0 || headerCount > r.remaining) {
      throw new SpsError('SPS_ERR_MALFORMED', `record header count ${headerCount} is impossible`, {
        context: { baseOffset: header.baseOffset, record: i },
      });
    }
    const headers: RecordHeader[] = [];
    for (let h = 0; h < headerCount; h++) {
      const hk = r.varintBytes('header key');
      headers.push({
        key: hk === null ? '' : hk.toString('utf8'),
        value: r.varintBytes('header value'),
      });
    }
    if (r.offset !== end) {
      throw new SpsError(
        'SPS_ERR_MALFORMED',
        `record ${i} length ${length} does not match its fields`,
        {
          context: { baseOffset: header.baseOffset, record: i },
        },
      );
    }
    records.push({
      index: header.baseOffset + offsetDelta,
      key,
      value,
      headers,
      timestamp: logAppendTime ? header.maxTimestamp : header.baseTimestamp + timestampDelta,
    });
  }
  return records;
}

export interface EncodeBatchOptions {
  /** @default 0 (the broker assigns the real one) */
  baseOffset?: Index;
  /** @default Compression.None */
  compression?: Compression;
  /** Idempotent producer id. @default -1 */
  producerId?: number;
  /** @default 0 */
  producerEpoch?: number;
  /** Sequence of the first record, for the idempotent producer. @default 0 */
  baseSequence?: number;
  /** @default 0 */
  partitionLeaderEpoch?: number;
  /** Timestamp for records that carry none. @default Date.now() */
  now?: number;
}

function encodeRecord(
  w: ByteWriter,
  record: RecordInput,
  offsetDelta: number,
  timestampDelta: number,
): void {
  const body = new ByteWriter(64);
  body
    .int8(0)
    .varlong(timestampDelta)
    .varint(offsetDelta)
    .varintBytes(record.key ?? null)
    .varintBytes(record.value);
  const headers = record.headers ?? [];
  body.varint(headers.length);
  for (const h of headers) body.varintBytes(Buffer.from(h.key, 'utf8')).varintBytes(h.value);
  const bytes = body.finish();
  w.varint(bytes.length).bytes(bytes);
}

/**
 * Encodes records as one v2 batch: timestamps are deltas from the smallest timestamp (as
 * kafkajs does, so deltas are never negative), offset deltas count from 0.
 */
export function encodeRecordBatch(
  records: RecordInput[],
  options: EncodeBatchOptions = {},
): Buffer {
  if (records.length === 0) {
    throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'a record batch needs at least one record');
  }
  const compression = options.compression ?? Compression.None;
  if (compression !== Compression.None && compression !== Compression.Gzip) {
    throw new SpsError(
      'SPS_ERR_UNSUPPORTED_COMPRESSION',
      `SPS encodes batches uncompressed or with gzip, not ${CODEC_NAMES[compression]}`,
      { context: { codec: compression } },
    );
  }
  const now = options.now ?? Date.now();
  const timestamps = records.map((r) => r.timestamp ?? now);
  let baseTimestamp = timestamps[0]!;
  let maxTimestamp = baseTimestamp;
  for (const t of timestamps) {
    if (t < baseTimestamp) baseTimestamp = t;
    if (t > maxTimestamp) maxTimestamp = t;
  }

  const recordsWriter = new ByteWriter(records.length * 64);
  records.forEach((record, i) =>
    encodeRecord(recordsWriter, record, i, timestamps[i]! - baseTimestamp),
  );
  const payload =
    compression === Compression.Gzip ? gzipSync(recordsWriter.finish()) : recordsWriter.finish();

  const w = new ByteWriter(BATCH_HEADER_SIZE + payload.length);
  w.int64(options.baseOffset ?? 0);
  const lengthAt = w.reserve(4);
  w.int32(options.partitionLeaderEpoch ?? 0).int8(MAGIC_V2);
  const crcAt = w.reserve(4);
  w.int16(compression)
    .int32(records.length - 1)
    .int64(baseTimestamp)
    .int64(maxTimestamp)
    .int64(options.producerId ?? -1)
    .int16(options.producerEpoch ?? 0)
    .int32(options.baseSequence ?? 0)
    .int32(records.length)
    .bytes(payload);
  const out = Buffer.from(w.finish());
  out.writeInt32BE(out.length - BATCH_LOG_OVERHEAD, lengthAt);
  out.writeUInt32BE(crc32c(out.subarray(CRC_START)), crcAt);
  return out;
}
