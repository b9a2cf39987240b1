/**
 * What a consumer (group member) and a reader (no group) are configured with, in SPS terms,
 * and how the friendly `from` shapes become the driver's start position.
 */
import {
  type PartitionId,
  SpsError,
  type StartPosition,
  type StreamIndex,
  type StreamName,
} from '@shopstream/sps-core';
import { type CommitOptions } from '../runtime/commit-tracker';
import { type RetryPolicy } from '../runtime/retry-policy';

/**
 * Where a consumer group starts on a partition it has no committed index for: the oldest
 * record still kept, only new records, the first record at or after a time, or given indexes
 * (per stream and partition; partitions not named start at the earliest).
 */
export type ConsumeFrom =
  | 'earliest'
  | 'latest'
  | { time: Date | number }
  | { indexes: Record<StreamName, Record<PartitionId, StreamIndex>> };

/** Where a reader starts: like {@link ConsumeFrom}, indexes per partition of its one stream. */
export type ReadFrom =
  'earliest' | 'latest' | { time: Date | number } | { indexes: Record<PartitionId, StreamIndex> };

/** Dead-lettering: where records go that cannot be handled. */
export interface DeadLetterOptions {
  /** The dead-letter stream of a source stream. @default (stream) => `${stream}.dlq` */
  stream?: (source: StreamName) => StreamName;
}

/** Options shared by consumers and readers. */
export interface DeliveryOptions {
  /** @default see RetryPolicy: 5 attempts, 200 ms doubling to at most 30 s, 50 % jitter */
  retry?: Partial<RetryPolicy>;
  /**
   * `false`: a record that keeps failing blocks its partition and is retried at the capped
   * delay until it succeeds.
   * @default {} for consumers (to `<stream>.dlq`), false for readers
   */
  deadLetter?: false | DeadLetterOptions;
  /** Names this client in group descriptions and logs. @default 'sps' */
  clientId?: string;
  /** How long one fetch waits for new records. @default 1000 */
  maxWaitMs?: number;
}

/** A consumer: a member of a consumer group. */
export interface ConsumerOptions extends DeliveryOptions {
  /** The consumer group: members share the partitions, the coordinator keeps its indexes. */
  group: string;
  streams: StreamName[];
  /** @default 'earliest' (a new group processes the stream's history) */
  from?: ConsumeFrom;
  /** @default see CommitOptions: every 1000 ms or 100 records */
  commit?: Partial<CommitOptions>;
  /** A member silent this long is removed and its partitions go to others. @default 10000 */
  sessionTimeoutMs?: number;
  /** @default 3000 */
  heartbeatIntervalMs?: number;
  /** How long a rebalance waits for members to finish in-flight records and rejoin. @default 60000 */
  rebalanceTimeoutMs?: number;
}

/**
 * A reader: no group, explicit partitions, and the application keeps its own index — e.g. in
 * its database, in the same transaction as the effect, which makes the effect exactly-once
 * without an inbox.
 */
export interface ReaderOptions extends DeliveryOptions {
  stream: StreamName;
  /** @default every partition of the stream */
  partitions?: PartitionId[];
  from: ReadFrom;
}

export function consumeStart(from: ConsumeFrom): StartPosition {
  if (from === 'earliest' || from === 'latest') return from;
  if ('time' in from) return { time: toMillis(from.time) };
  return { indexes: from.indexes };
}

export function readStart(stream: StreamName, from: ReadFrom): StartPosition {
  if (from === 'earliest' || from === 'latest') return from;
  if ('time' in from) return { time: toMillis(from.time) };
  return { indexes: { [stream]: from.indexes } };
}

function toMillis(time: Date | number): number {
  const ms = time instanceof Date ? time.getTime() : time;
  if (!Number.isFinite(ms)) {
    throw new SpsError('SPS_ERR_INVALID_ARGUMENT', `invalid start time ${String(time)}`);
  }
  return ms;
}
