/**
 * The SPS vocabulary (see DESIGN.md): the concepts Kafka, AWS Kinesis and Azure Event Hubs
 * share, under one set of names.
 *
 * | SPS            | Kafka          | Kinesis          | Event Hubs        |
 * |----------------|----------------|------------------|-------------------|
 * | stream         | topic          | stream           | event hub         |
 * | partition      | partition      | shard            | partition         |
 * | index          | offset         | sequence number  | offset / seq. no. |
 * | consumer group | consumer group | application      | consumer group    |
 * | TTL            | retention.ms   | retention period | retention         |
 */

/** A stream's name. Validated by {@link validateStreamName}. */
export type StreamName = string;

/** A partition number within a stream, from 0 to `partitions - 1`. */
export type PartitionId = number;

/**
 * The position of a record in one partition. On the SPS engine and on Kafka it is the offset:
 * dense, starting at 0, one per record. It is a JavaScript number because a single partition
 * cannot reach 2^53 records; codecs that read int64 offsets check the range.
 */
export type Index = number;

/** A record header. Values are bytes; the same key may appear more than once (as in Kafka). */
export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

/** What a producer hands to a stream. */
export interface RecordInput {
  /** Records with the same key land on the same partition and keep their order. */
  key?: Buffer | null;
  value: Buffer | null;
  headers?: RecordHeader[];
  /** Milliseconds since the epoch. @default Date.now() when the batch is built */
  timestamp?: number;
}

/** A record as stored in a partition. */
export interface StoredRecord {
  index: Index;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
  timestamp: number;
}

/** A record read from a stream, with where it came from. */
export interface StreamRecord extends StoredRecord {
  stream: StreamName;
  partition: PartitionId;
}

/** Where a partition is, as a reader sees it. */
export interface PartitionWatermarks {
  /** The first index still stored (TTL and deletions advance it). */
  logStartIndex: Index;
  /** The index the next appended record will get; every index below it is readable. */
  highWatermark: Index;
}

/** The time-to-live of a stream's records. `-1` keeps records forever. */
export type TtlMs = number;

/** Defaults that match Kafka's broker defaults, so a stream behaves the same on both. */
export const STREAM_DEFAULTS = {
  /** `retention.ms`: 7 days. */
  ttlMs: 7 * 24 * 60 * 60 * 1000,
  /** `retention.bytes`: no size limit. */
  retentionBytes: -1,
  /** `max.message.bytes`: the largest record batch a producer may append. */
  maxBatchBytes: 1_048_588,
} as const;

/** A stream's configuration, in SPS terms with the Kafka config name alongside. */
export interface StreamConfig {
  /** `retention.ms`. @default 604800000 (7 days) */
  ttlMs: TtlMs;
  /** `retention.bytes`, per partition. `-1` = no limit. @default -1 */
  retentionBytes: number;
  /** `segment.bytes`: roll the active segment beyond this size. */
  segmentBytes: number;
  /** `segment.ms`: roll the active segment once it is this old. */
  segmentMs: number;
  /** `max.message.bytes`. @default 1048588 */
  maxBatchBytes: number;
}

/** Where a consumer starts when its group has no committed index. */
export type StartFrom =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'time'; timestamp: number }
  | { kind: 'index'; indexes: Record<PartitionId, Index> };

/** States of a consumer group, with Kafka's exact names (clients compare these strings). */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

const STREAM_NAME = /^[a-zA-Z0-9._-]+$/;
/** Kafka's limit on topic names (`Topic.MAX_NAME_LENGTH`). */
export const MAX_STREAM_NAME_LENGTH = 249;

/**
 * Why a stream name is not legal, or `undefined` when it is. The rules are Kafka's
 * (`org.apache.kafka.common.internals.Topic.validate`), so a stream can move between the SPS
 * engine and Kafka unchanged.
 */
export function streamNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a stream name cannot be empty';
  if (name === '.' || name === '..') return `a stream name cannot be "${name}"`;
  if (name.length > MAX_STREAM_NAME_LENGTH) {
    return `a stream name is at most ${MAX_STREAM_NAME_LENGTH} characters (got ${name.length})`;
  }
  if (!STREAM_NAME.test(name)) {
    return `"${name}" contains a character other than ASCII letters, digits, '.', '_' and '-'`;
  }
  return undefined;
}
