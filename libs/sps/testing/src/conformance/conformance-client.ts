/**
 * The client surface the conformance suite drives, declared here as a contract rather than
 * imported from `@shopstream/sps-client`: the client's own specs run this suite (one spec per
 * driver), so an import the other way round would make the two projects depend on each other.
 * `SpsClient` satisfies this structurally; each driver's conformance spec passes a real client,
 * so the compiler checks the two stay in step.
 *
 * Only what the scenarios use is listed, in the client's own names and shapes.
 */
import {
  type PartitionId,
  type PartitionRef,
  type RecordHeader,
  type StreamIndex,
  type StreamName,
} from '@shopstream/sps-core';

export interface ConformanceMessage {
  stream: StreamName;
  partition: PartitionId;
  index: StreamIndex;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
  timestamp: number;
}

export interface ConformanceContext {
  readonly group: string | null;
  readonly attempt: number;
  readonly traceparent: string | null;
}

export type ConformanceHandler = (
  message: ConformanceMessage,
  context: ConformanceContext,
) => unknown;

export interface ConformanceRecord {
  key?: string | null;
  value: string;
  headers?: Record<string, string> | RecordHeader[];
  partition?: PartitionId;
  timestamp?: number;
}

export interface ConformanceProducer {
  send(
    stream: StreamName,
    records: ConformanceRecord[],
  ): Promise<Array<PartitionRef & { index: StreamIndex }>>;
  close(): Promise<void>;
}

export type ConformanceFrom =
  'earliest' | 'latest' | { time: number } | { indexes: Record<PartitionId, StreamIndex> };

/** The delivery options the scenarios set (fast retries, short sessions). */
export interface ConformanceDeliveryOptions {
  retry?: { maxAttempts?: number; initialDelayMs?: number; maxDelayMs?: number };
  commit?: { intervalMs?: number; maxPending?: number };
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  maxWaitMs?: number;
}

export interface ConformanceEvents {
  'dead-lettered': { message: ConformanceMessage; attempts: number; deadLetterStream: string };
  'index-reset': PartitionRef & { requested: StreamIndex; restartedAt: StreamIndex };
  committed: { partitions: Array<PartitionRef & { index: StreamIndex }> };
  assigned: { partitions: PartitionRef[] };
}

export interface ConformanceReader {
  start(handler: ConformanceHandler): Promise<void>;
  stop(): Promise<void>;
  on<E extends keyof ConformanceEvents>(
    name: E,
    listener: (event: ConformanceEvents[E]) => void,
  ): () => void;
}

export interface ConformanceConsumer extends ConformanceReader {
  assignment(): PartitionRef[];
}

export interface ConformanceStreamDescription {
  ttlMs: number;
  partitions: Array<{
    partition: PartitionId;
    logStartIndex: StreamIndex;
    highWatermark: StreamIndex;
  }>;
}

export interface ConformanceGroupDescription {
  members: Array<{ memberId: string; partitions: PartitionRef[] }>;
  partitions: Array<
    PartitionRef & {
      committedIndex: StreamIndex | null;
      highWatermark: StreamIndex;
      lag: number | null;
    }
  >;
  totalLag: number;
}

export interface ConformanceAdmin {
  createStream(name: StreamName, options: { partitions: number; ttlMs?: number }): Promise<void>;
  describeStream(name: StreamName): Promise<ConformanceStreamDescription>;
  addPartitions(name: StreamName, total: number): Promise<void>;
  describeGroup(group: string): Promise<ConformanceGroupDescription>;
  resetGroup(group: string, stream: StreamName, to: ConformanceFrom): Promise<void>;
  read(
    stream: StreamName,
    partition: PartitionId,
    options: { from: StreamIndex; limit?: number },
  ): Promise<ConformanceMessage[]>;
  readBackwards(
    stream: StreamName,
    partition: PartitionId,
    options?: { before?: StreamIndex; pageSize?: number },
  ): AsyncIterable<ConformanceMessage>;
}

export interface ConformanceClient {
  producer(options?: { idempotent?: boolean }): ConformanceProducer;
  consumer(
    options: ConformanceDeliveryOptions & {
      group: string;
      streams: StreamName[];
      from?: 'earliest' | 'latest';
    },
  ): ConformanceConsumer;
  reader(
    options: ConformanceDeliveryOptions & {
      stream: StreamName;
      partitions?: PartitionId[];
      from: ConformanceFrom;
    },
  ): ConformanceReader;
  admin(): ConformanceAdmin;
  redrive(
    deadLetterStream: StreamName,
    options?: { consumer?: ConformanceDeliveryOptions },
  ): Promise<{ moved: number }>;
  close(): Promise<void>;
}
