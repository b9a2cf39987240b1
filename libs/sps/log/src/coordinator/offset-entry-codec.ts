/**
 * Bytes of the committed-index store: CRC-framed entries for the log and the snapshot. The
 * grammar, the file layout and the version rule are documented at the top of offset-store.ts,
 * the file that writes them.
 */
import { ByteReader, ByteWriter, crc32c, SpsError } from '@shopstream/sps-core';
import { type OffsetOp, type OffsetRow } from './offset-table';

/** The entry format this code writes, and the newest it reads. */
export const OFFSET_ENTRY_VERSION = 1;
const KIND_COMMIT = 1;
const KIND_DELETE = 2;
const FRAME_HEADER_BYTES = 8;
/** Version, kind, two empty strings, partition: no entry is shorter (zero-filled tails are not entries). */
const MIN_PAYLOAD_BYTES = 10;
/** No real entry comes near this; a bigger length is a torn or garbage header. */
const MAX_PAYLOAD_BYTES = 1 << 20;
const SNAPSHOT_MAGIC = Buffer.from('SPSO', 'latin1');
const SNAPSHOT_VERSION = 1;
/** Group ids, stream names: int16-length strings, as on Kafka's wire. */
export const MAX_ID_BYTES = 0x7fff;

function writeString16(w: ByteWriter, s: string): void {
  const bytes = Buffer.from(s, 'utf8');
  w.int16(bytes.length).bytes(bytes);
}

function readString16(r: ByteReader): string {
  return r.bytes(r.int16(), 'string').toString('utf8');
}

/** One operation as a log frame: length, CRC-32C of the payload, payload. */
export function encodeFrame(op: OffsetOp): Buffer {
  const w = new ByteWriter(96);
  w.reserve(FRAME_HEADER_BYTES);
  w.int8(OFFSET_ENTRY_VERSION).int8(op.kind === 'commit' ? KIND_COMMIT : KIND_DELETE);
  writeString16(w, op.groupId);
  writeString16(w, op.stream);
  w.int32(op.partition);
  if (op.kind === 'commit') {
    const metadata = Buffer.from(op.offset.metadata, 'utf8');
    w.int64(op.offset.index).int32(op.offset.leaderEpoch).int64(op.offset.commitTimestamp);
    w.int32(metadata.length).bytes(metadata);
  }
  const frame = Buffer.from(w.finish());
  const payload = frame.subarray(FRAME_HEADER_BYTES);
  frame.writeUInt32BE(payload.length, 0);
  frame.writeUInt32BE(crc32c(payload), 4);
  return frame;
}

function decodePayload(payload: Buffer, at: number): OffsetOp {
  const r = new ByteReader(payload);
  const version = r.int8();
  const kind = r.int8();
  if (
    version < 1 ||
    version > OFFSET_ENTRY_VERSION ||
    (kind !== KIND_COMMIT && kind !== KIND_DELETE)
  ) {
    // The CRC matched, so this is a real entry from a newer SPS: refuse rather than drop it.
    throw new SpsError(
      'SPS_ERR_STORAGE',
      `committed-index entry at byte ${at} has version ${version} kind ${kind}; this SPS reads version ${OFFSET_ENTRY_VERSION}`,
      { context: { position: at, version, kind }, retriable: false },
    );
  }
  const groupId = readString16(r);
  const stream = readString16(r);
  const partition = r.int32();
  if (kind === KIND_DELETE) return { kind: 'delete', groupId, stream, partition };
  const index = r.int64Number('index');
  const leaderEpoch = r.int32();
  const commitTimestamp = r.int64Number('commit timestamp');
  const metadata = r.bytes(r.int32(), 'metadata').toString('utf8');
  return {
    kind: 'commit',
    groupId,
    stream,
    partition,
    offset: { index, leaderEpoch, metadata, commitTimestamp },
  };
}

/**
 * Reads frames from `start` and hands each operation to `apply`, stopping at the end or at
 * the first frame that is incomplete or fails its CRC. Returns where the valid frames end.
 */
export function readFrames(
  bytes: Buffer,
  start: number,
  apply: (op: OffsetOp) => void,
  limit = Infinity,
): number {
  let at = start;
  for (let n = 0; n < limit && bytes.length - at >= FRAME_HEADER_BYTES; n++) {
    const length = bytes.readUInt32BE(at);
    const end = at + FRAME_HEADER_BYTES + length;
    if (length < MIN_PAYLOAD_BYTES || length > MAX_PAYLOAD_BYTES || end > bytes.length) break;
    const payload = bytes.subarray(at + FRAME_HEADER_BYTES, end);
    if (crc32c(payload) !== bytes.readUInt32BE(at + 4)) break;
    apply(decodePayload(payload, at));
    at = end;
  }
  return at;
}

/** The whole table as a snapshot: magic, version, count, then one commit frame per row. */
export function encodeSnapshot(rows: readonly OffsetRow[]): Buffer {
  const header = Buffer.alloc(10);
  SNAPSHOT_MAGIC.copy(header, 0);
  header.writeInt16BE(SNAPSHOT_VERSION, 4);
  header.writeUInt32BE(rows.length, 6);
  return Buffer.concat([header, ...rows.map((row) => encodeFrame({ kind: 'commit', ...row }))]);
}

/**
 * Applies a snapshot. It was written atomically, so anything short of every frame intact is
 * corruption, not a torn write: refuse to start rather than silently lose committed indexes.
 */
export function decodeSnapshot(bytes: Buffer, apply: (op: OffsetOp) => void): void {
  const corrupt = (why: string): SpsError =>
    new SpsError('SPS_ERR_STORAGE', `the committed-index snapshot is unreadable: ${why}`, {
      context: { reason: why },
      retriable: false,
    });
  if (bytes.length < 10 || !bytes.subarray(0, 4).equals(SNAPSHOT_MAGIC)) throw corrupt('bad magic');
  const version = bytes.readInt16BE(4);
  if (version !== SNAPSHOT_VERSION)
    throw corrupt(`version ${version}, this SPS reads ${SNAPSHOT_VERSION}`);
  const count = bytes.readUInt32BE(6);
  let n = 0;
  const end = readFrames(
    bytes,
    10,
    (op) => {
      n++;
      apply(op);
    },
    count,
  );
  if (n !== count || end !== bytes.length) throw corrupt(`${n} of ${count} entries intact`);
}
