/**
 * What a handler receives: the record (`SpsMessage`) and where it stands (`SpsContext`: group,
 * attempt, trace context, and the signal that says the partition is being taken away).
 */
import {
  type DriverRecord,
  type PartitionId,
  type RecordHeader,
  type StreamIndex,
  type StreamName,
} from '@shopstream/sps-core';
import { TRACEPARENT_HEADER, parseTraceparent } from '../trace/traceparent';

/** A record as a handler (or a backwards read) sees it. */
export interface SpsMessage {
  stream: StreamName;
  partition: PartitionId;
  /** The record's index in its partition (opaque: a number on the engine and Kafka). */
  index: StreamIndex;
  key: Buffer | null;
  value: Buffer | null;
  /** In the order they were written; a key may appear more than once. */
  headers: RecordHeader[];
  /** Milliseconds since the epoch (the producer's create time). */
  timestamp: number;
}

/** Where a message stands while a handler runs. */
export interface SpsContext {
  readonly message: SpsMessage;
  readonly stream: StreamName;
  readonly partition: PartitionId;
  readonly index: StreamIndex;
  readonly headers: RecordHeader[];
  /** The consumer group, `null` for a reader (the application keeps its own indexes). */
  readonly group: string | null;
  /** 1 on the first delivery of this record in this consumer, 2 on the first retry, … */
  readonly attempt: number;
  /** The record's valid `traceparent`, `null` when it carries none. */
  readonly traceparent: string | null;
  /** Aborted when the partition is taken away (rebalance) or the consumer stops. */
  readonly signal: AbortSignal;
  /** The last header named `name`, as UTF-8 (Kafka's `lastHeader`). */
  header(name: string): string | undefined;
  /** Keeps the group membership alive during long work (a no-op where the driver does it). */
  heartbeat(): Promise<void>;
}

/** The function a consumer or reader runs for each record. Throw to fail the record. */
export type MessageHandler = (message: SpsMessage, context: SpsContext) => unknown;

/** The last header named `name`, as UTF-8; `undefined` when absent or null. */
export function headerValue(headers: readonly RecordHeader[], name: string): string | undefined {
  for (let i = headers.length - 1; i >= 0; i--) {
    const h = headers[i]!;
    if (h.key === name) return h.value?.toString('utf8');
  }
  return undefined;
}

export function toSpsMessage(record: DriverRecord): SpsMessage {
  return {
    stream: record.stream,
    partition: record.partition,
    index: record.index,
    key: record.key,
    value: record.value,
    headers: record.headers,
    timestamp: record.timestamp,
  };
}

export function createContext(
  message: SpsMessage,
  details: {
    group: string | null;
    attempt: number;
    signal: AbortSignal;
    heartbeat: () => Promise<void>;
  },
): SpsContext {
  const traceparent = headerValue(message.headers, TRACEPARENT_HEADER) ?? null;
  return {
    message,
    stream: message.stream,
    partition: message.partition,
    index: message.index,
    headers: message.headers,
    group: details.group,
    attempt: details.attempt,
    traceparent: parseTraceparent(traceparent) ? traceparent : null,
    signal: details.signal,
    header: (name) => headerValue(message.headers, name),
    heartbeat: details.heartbeat,
  };
}
