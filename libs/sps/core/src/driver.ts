/**
 * The driver interface: what one SPS backend (the embedded engine, Kafka, later Kinesis and
 * Event Hubs) must provide so the SPS client — producer, consumer delivery runtime, manual
 * reader, admin — works on it unchanged. The client owns the behaviour users see (retries,
 * dead letters, commit batching, graceful shutdown); a driver only moves records and indexes.
 *
 * Indexes are opaque to the client runtime: it never does arithmetic on them. Drivers with
 * dense offsets (embedded, Kafka) use numbers; a Kinesis driver uses its sequence numbers,
 * which are decimal strings up to 128 bits. What to commit after a record is the driver's
 * business (Kafka: `index + 1`; Kinesis: the sequence number itself).
 */
import { type PartitionId, type RecordHeader, type StreamName } from './vocabulary';

/** A position in a partition, as the driver defines it (see the file comment). */
export type StreamIndex = number | string;

/** Where a consumer without a committed index starts, and where a reader starts. */
export type StartPosition =
  | 'earliest'
  | 'latest'
  | { time: number }
  | { indexes: Record<StreamName, Record<PartitionId, StreamIndex>> };

/** A record handed to the client runtime. */
export interface DriverRecord {
  stream: StreamName;
  partition: PartitionId;
  index: StreamIndex;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
  timestamp: number;
}

/** A record to append. */
export interface DriverOutgoingRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
  /** Explicit partition; otherwise keyed records use Kafka's murmur2, keyless ones go sticky. */
  partition?: PartitionId;
  timestamp?: number;
}

export interface DriverProduceResult {
  stream: StreamName;
  partition: PartitionId;
  index: StreamIndex;
}

export interface DriverProducerOptions {
  /** Duplicate-free retries within one producer session. @default true */
  idempotent: boolean;
  /** @default 'none' */
  compression: 'none' | 'gzip';
}

export interface DriverProducer {
  /** Appends all records; resolves once they are durable on the backend. */
  send(stream: StreamName, records: DriverOutgoingRecord[]): Promise<DriverProduceResult[]>;
  close(): Promise<void>;
}

export interface PartitionRef {
  stream: StreamName;
  partition: PartitionId;
}

/** A batch of consecutive records of one partition, in index order. */
export interface DriverBatch extends PartitionRef {
  records: DriverRecord[];
  /** The partition's high watermark when fetched, if the backend reports one. */
  highWatermark?: StreamIndex;
  /** Keeps the group membership alive during long handling (Kafka heartbeats). */
  heartbeat(): Promise<void>;
  /** True once the partition was taken away (rebalance) or the consumer is stopping. */
  isStale(): boolean;
  /**
   * Aborted when the batch becomes stale, if the driver can signal it; the runtime then wakes
   * from a retry backoff at once instead of at its next `isStale()` check.
   */
  signal?: AbortSignal;
}

/** The records at the index a consumer asked for are gone (TTL, size limit, deletion). */
export interface DriverIndexReset extends PartitionRef {
  /** The index the consumer wanted to read. */
  requested: StreamIndex;
  /** Where it reads on instead: the log start (or the high watermark when it asked beyond it). */
  restartedAt: StreamIndex;
}

/**
 * What a group consumer calls back. The driver delivers one partition's batches strictly in
 * order and fetches that partition's next batch only after `onBatch` resolved; different
 * partitions may be in flight at the same time.
 */
export interface DriverConsumerListener {
  onBatch(batch: DriverBatch): Promise<void>;
  /** Partitions assigned to this member (after a rebalance). */
  onAssigned?(partitions: PartitionRef[]): void | Promise<void>;
  /**
   * Partitions about to be taken away, by a rebalance or by `stop()`: finish and commit them
   * before this resolves. The driver marks their batches stale first, fetches nothing more for
   * them, and releases them (rejoins, leaves) only after this resolved.
   */
  onRevoked?(partitions: PartitionRef[]): void | Promise<void>;
  /** A partition's records were removed under the consumer; it reads on from `restartedAt`. */
  onIndexReset?(reset: DriverIndexReset): void;
  /** Errors the driver could not handle itself (it keeps going when it can). */
  onError?(error: unknown): void;
}

export interface DriverGroupConsumerOptions {
  group: string;
  streams: StreamName[];
  /** Where a partition without a committed index starts. */
  from: StartPosition;
  clientId: string;
  /** @default 10000 */
  sessionTimeoutMs: number;
  /** @default 3000 */
  heartbeatIntervalMs: number;
  /**
   * How long the coordinator waits for every member to rejoin during a rebalance (Kafka's
   * `max.poll.interval.ms` / kafkajs `rebalanceTimeout`). @default 60000
   */
  rebalanceTimeoutMs: number;
  /** How long a fetch waits for records before returning empty. @default 1000 */
  maxWaitMs: number;
}

export interface DriverGroupConsumer {
  /**
   * Joins the group and starts delivering; resolves once the member has its first assignment
   * (possibly empty). Rejects when joining cannot succeed (e.g. a session timeout the
   * coordinator refuses).
   */
  start(listener: DriverConsumerListener): Promise<void>;
  /** Commits: each record and every record before it in its partition are done. */
  commit(done: DriverRecord[]): Promise<void>;
  /**
   * Partitions this member owns now. Revoked partitions stay listed until `onRevoked`
   * resolved: the runtime commits only partitions listed here.
   */
  assignment(): PartitionRef[];
  /**
   * Stops fetching, waits for in-flight `onBatch` calls, calls `onRevoked` with every partition
   * it owns (so the runtime commits), then leaves the group. Idempotent.
   */
  stop(): Promise<void>;
}

export interface DriverReaderOptions {
  stream: StreamName;
  /** @default every partition */
  partitions?: PartitionId[];
  from: StartPosition;
  clientId: string;
  /** @default 1000 */
  maxWaitMs: number;
}

/** A consumer without a group: the application keeps its own indexes. */
export interface DriverPartitionReader {
  start(
    listener: Pick<DriverConsumerListener, 'onBatch' | 'onError' | 'onIndexReset'>,
  ): Promise<void>;
  /** Stops fetching and waits for in-flight `onBatch` calls. Idempotent. */
  stop(): Promise<void>;
}

export interface DriverStreamDescription {
  name: StreamName;
  ttlMs: number;
  retentionBytes: number;
  partitions: Array<{
    partition: PartitionId;
    logStartIndex: StreamIndex;
    highWatermark: StreamIndex;
  }>;
}

export interface DriverGroupDescription {
  group: string;
  /** Kafka's group states; other backends map onto them. */
  state: string;
  members: Array<{ memberId: string; clientId: string; host: string; partitions: PartitionRef[] }>;
  /** Committed index, high watermark and lag per partition of every stream the group committed to. */
  partitions: Array<
    PartitionRef & {
      committedIndex: StreamIndex | null;
      highWatermark: StreamIndex;
      lag: number | null;
    }
  >;
}

export interface DriverAdmin {
  createStream(
    name: StreamName,
    options: { partitions: number; ttlMs?: number; retentionBytes?: number },
  ): Promise<void>;
  deleteStream(name: StreamName): Promise<void>;
  listStreams(): Promise<StreamName[]>;
  describeStream(name: StreamName): Promise<DriverStreamDescription>;
  alterStream(
    name: StreamName,
    changes: { ttlMs?: number; retentionBytes?: number },
  ): Promise<void>;
  addPartitions(name: StreamName, total: number): Promise<void>;
  listGroups(): Promise<Array<{ group: string; state: string }>>;
  /** SPS_ERR_UNKNOWN_GROUP when no such group exists (Kafka describes it as Dead). */
  describeGroup(group: string): Promise<DriverGroupDescription>;
  /** Refused with SPS_ERR_GROUP_NOT_EMPTY while the group has members. */
  resetGroup(group: string, stream: StreamName, to: StartPosition): Promise<void>;
  deleteGroup(group: string): Promise<void>;
  /** Records of one partition from `from` (inclusive) on, at most `limit`, in index order. */
  readRange(
    stream: StreamName,
    partition: PartitionId,
    from: StreamIndex,
    limit: number,
  ): Promise<DriverRecord[]>;
  /** Records of one partition just before `before` (exclusive; null = the end), at most `limit`, in index order. */
  readBefore(
    stream: StreamName,
    partition: PartitionId,
    before: StreamIndex | null,
    limit: number,
  ): Promise<DriverRecord[]>;
  /** First index at or after `time`, null when none. */
  indexForTime(
    stream: StreamName,
    partition: PartitionId,
    time: number,
  ): Promise<StreamIndex | null>;
}

/** One backend. `connect()` in the SPS client picks the driver from its options. */
export interface SpsDriver {
  /** 'embedded', 'kafka', … */
  readonly kind: string;
  createProducer(options: DriverProducerOptions): DriverProducer;
  createGroupConsumer(options: DriverGroupConsumerOptions): DriverGroupConsumer;
  createPartitionReader(options: DriverReaderOptions): DriverPartitionReader;
  readonly admin: DriverAdmin;
  close(): Promise<void>;
}
