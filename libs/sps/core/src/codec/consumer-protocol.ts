/**
 * Kafka's ConsumerProtocol: the bytes a consumer group carries when its protocol type is
 * "consumer" — each member's subscription inside JoinGroup `protocols[].metadata`, and the
 * leader's per-member assignment inside SyncGroup. The coordinator treats both as opaque; it
 * decodes them only to describe a group (who owns which partition) and to compute lag.
 * kafkajs (`AssignerProtocol`), librdkafka and the Java client all use this layout.
 *
 * Grammar (big-endian; string = int16 length + UTF-8; bytes = int32 length + data, -1 = null;
 * [x] = int32 count then the items, count -1 = null read as empty):
 *
 *   Subscription v0 => version:int16 topics:[string] user_data:bytes
 *   Subscription v1 => v0 owned_partitions:[topic:string partitions:[int32]]
 *   Subscription v2 => v1 generation_id:int32            (KIP-792, read as unknown trailing bytes)
 *   Subscription v3 => v2 rack_id:nullable string        (KIP-881, likewise)
 *   Assignment v0..v3 => version:int16 assigned_partitions:[topic:string partitions:[int32]] user_data:bytes
 *
 * Decoding follows Kafka's rule for embedded protocols: a newer version is read as the newest
 * one we know (its extra fields are appended at the end, so they are skipped). Two
 * leniencies, both seen in real clients: kafkajs writes `version: 1` without owned partitions
 * when asked for v1, so missing trailing fields read as empty; and a member with no assignment
 * may receive zero bytes, which decodes as an empty assignment.
 */
import { SpsError } from '../errors/sps-error';
import { ByteReader } from './byte-reader';
import { ByteWriter } from './byte-writer';

/** Partitions of one topic (an SPS stream), as the ConsumerProtocol lists them. */
export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

/** A member's subscription (JoinGroup metadata). */
export interface ConsumerSubscription {
  version: number;
  topics: string[];
  userData: Buffer | null;
  /** v1+: partitions the member owns now (cooperative rebalancing); empty for v0. */
  ownedPartitions: TopicPartitions[];
}

/** A member's assignment (SyncGroup). */
export interface ConsumerAssignment {
  version: number;
  assignment: TopicPartitions[];
  userData: Buffer | null;
}

/** The newest version this codec encodes (and reads fields of). */
export const CONSUMER_PROTOCOL_MAX_VERSION = 1;

function checkVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > CONSUMER_PROTOCOL_MAX_VERSION) {
    throw new SpsError(
      'SPS_ERR_INVALID_ARGUMENT',
      `ConsumerProtocol version ${version} cannot be encoded (0..1)`,
      {
        context: { version },
      },
    );
  }
}

function writeString(w: ByteWriter, s: string): void {
  const bytes = Buffer.from(s, 'utf8');
  if (bytes.length > 0x7fff) {
    throw new SpsError(
      'SPS_ERR_INVALID_ARGUMENT',
      `topic name of ${bytes.length} bytes is too long`,
      {
        context: { length: bytes.length },
      },
    );
  }
  w.int16(bytes.length).bytes(bytes);
}

function writeNullableBytes(w: ByteWriter, data: Buffer | null): void {
  if (data === null) w.int32(-1);
  else w.int32(data.length).bytes(data);
}

function writeTopicPartitions(w: ByteWriter, list: readonly TopicPartitions[]): void {
  w.int32(list.length);
  for (const { topic, partitions } of list) {
    writeString(w, topic);
    w.int32(partitions.length);
    for (const p of partitions) w.int32(p);
  }
}

function readString(r: ByteReader, what: string): string {
  const len = r.int16();
  if (len < 0) {
    throw new SpsError('SPS_ERR_MALFORMED', `${what} is null in ConsumerProtocol bytes`, {
      context: { offset: r.offset },
    });
  }
  return r.bytes(len, what).toString('utf8');
}

/** An int32 array count; -1 (null) reads as 0. Each item takes at least `minItemBytes`. */
function readCount(r: ByteReader, minItemBytes: number): number {
  const n = r.int32();
  if (n === -1) return 0;
  r.need(n * minItemBytes, 'array'); // a bogus count fails here instead of allocating
  return n;
}

function readNullableBytes(r: ByteReader): Buffer | null {
  if (r.remaining === 0) return null; // field absent (see header)
  const len = r.int32();
  return len < 0 ? null : Buffer.from(r.bytes(len, 'user data'));
}

function readTopicPartitions(r: ByteReader): TopicPartitions[] {
  const out: TopicPartitions[] = [];
  for (let i = readCount(r, 6); i > 0; i--) {
    const topic = readString(r, 'topic');
    const partitions: number[] = [];
    for (let j = readCount(r, 4); j > 0; j--) partitions.push(r.int32());
    out.push({ topic, partitions });
  }
  return out;
}

function readVersion(r: ByteReader): number {
  const version = r.int16();
  if (version < 0) {
    throw new SpsError('SPS_ERR_MALFORMED', `negative ConsumerProtocol version ${version}`, {
      context: { version },
    });
  }
  return version;
}

/**
 * Encodes a subscription. `userData` defaults to empty bytes (as kafkajs writes it), `version`
 * to 0; owned partitions are written for v1 only.
 *
 * @example
 * encodeSubscription({ topics: ['orders'] }); // what kafkajs' RoundRobinAssigner sends
 */
export function encodeSubscription(s: {
  version?: number;
  topics: readonly string[];
  userData?: Buffer | null;
  ownedPartitions?: readonly TopicPartitions[];
}): Buffer {
  const version = s.version ?? 0;
  checkVersion(version);
  const w = new ByteWriter(64);
  w.int16(version).int32(s.topics.length);
  for (const topic of s.topics) writeString(w, topic);
  writeNullableBytes(w, s.userData === undefined ? Buffer.alloc(0) : s.userData);
  if (version >= 1) writeTopicPartitions(w, s.ownedPartitions ?? []);
  return Buffer.from(w.finish());
}

/** Decodes a subscription; throws `SPS_ERR_MALFORMED` when the bytes do not parse. */
export function decodeSubscription(bytes: Buffer): ConsumerSubscription {
  const r = new ByteReader(bytes);
  const version = readVersion(r);
  const topics: string[] = [];
  for (let i = readCount(r, 2); i > 0; i--) topics.push(readString(r, 'topic'));
  const userData = readNullableBytes(r);
  const ownedPartitions = version >= 1 && r.remaining > 0 ? readTopicPartitions(r) : [];
  return { version, topics, userData, ownedPartitions };
}

/**
 * Encodes an assignment. `userData` defaults to empty bytes and `version` to 0, as kafkajs.
 *
 * @example
 * encodeAssignment({ assignment: [{ topic: 'orders', partitions: [0, 2] }] });
 */
export function encodeAssignment(a: {
  version?: number;
  assignment: readonly TopicPartitions[];
  userData?: Buffer | null;
}): Buffer {
  const version = a.version ?? 0;
  checkVersion(version);
  const w = new ByteWriter(64);
  w.int16(version);
  writeTopicPartitions(w, a.assignment);
  writeNullableBytes(w, a.userData === undefined ? Buffer.alloc(0) : a.userData);
  return Buffer.from(w.finish());
}

/**
 * Decodes an assignment. Zero bytes (a member the leader gave nothing) decode as an empty
 * assignment; anything else that does not parse throws `SPS_ERR_MALFORMED`.
 */
export function decodeAssignment(bytes: Buffer): ConsumerAssignment {
  if (bytes.length === 0) return { version: 0, assignment: [], userData: null };
  const r = new ByteReader(bytes);
  const version = readVersion(r);
  const assignment = r.remaining > 0 ? readTopicPartitions(r) : [];
  return { version, assignment, userData: readNullableBytes(r) };
}
