import {
  type Index,
  type PartitionId,
  type SpsError,
  type StreamConfig,
  type StreamName,
} from '@shopstream/sps-core';

/**
 * When appended data is made durable before it is acknowledged.
 * - `'always'` (default): every append waits for fdatasync; concurrent appends share one
 *   (group commit). Readers see records only once they are durable.
 * - `{ intervalMs }`: acknowledge after the write; fdatasync at most every `intervalMs`.
 *   A crash may lose the last interval. Readers see records once written.
 * - `'never'`: leave flushing to the OS (Kafka's default). Fast, and a crash loses unflushed data.
 */
export type FsyncPolicy = 'always' | 'never' | { intervalMs: number };

/** The result of appending one client record set (one or more batches) to a partition. */
export interface AppendResult {
  /** Index of the first record appended (or, for a duplicate, of the original). */
  baseIndex: Index;
  /** Index of the last record appended. */
  lastIndex: Index;
  /** Log start index after the append (Produce v5+ returns it). */
  logStartIndex: Index;
  /** True when the idempotent producer's batch was a retry of one already stored. */
  duplicate: boolean;
}

/** What a read of one partition returns. */
export interface ReadResult {
  /**
   * Whole record batches, concatenated, exactly as stored: the first is the batch that
   * contains the requested index (it may start earlier). Empty when the index is the high
   * watermark.
   */
  records: Buffer;
  highWatermark: Index;
  logStartIndex: Index;
}

/** One partition in a multi-partition fetch. */
export interface FetchRequestPartition {
  stream: StreamName;
  partition: PartitionId;
  index: Index;
  /** Soft limit: the first batch is returned whole even if larger (KIP-74). */
  maxBytes: number;
}

export interface FetchOptions {
  /** Wait up to this long for `minBytes` to arrive. @default 0 */
  maxWaitMs?: number;
  /** Answer as soon as this many bytes are available across partitions. @default 1 */
  minBytes?: number;
  /** Total soft limit across partitions. @default 50 MiB */
  maxBytes?: number;
  /** Ends the wait early (connection closed, consumer stopping). */
  signal?: AbortSignal;
}

export interface FetchPartitionResult extends ReadResult {
  stream: StreamName;
  partition: PartitionId;
  /** Set instead of records when this partition cannot be read (unknown, out of range, failed). */
  error?: SpsError;
}

/** A stream's description. */
export interface StreamInfo {
  name: StreamName;
  partitions: number;
  config: StreamConfig;
  /** Internal streams (e.g. the coordinator's) are hidden from listings. */
  internal: boolean;
}

export interface PartitionInfo {
  partition: PartitionId;
  logStartIndex: Index;
  highWatermark: Index;
  /** Bytes of all segments on disk. */
  sizeBytes: number;
  /** Set when the partition is failed (fsync error, corruption) and serves nothing. */
  failure?: string;
}

/** A record's position after `produce`. */
export interface ProduceResult {
  stream: StreamName;
  partition: PartitionId;
  index: Index;
}
