/**
 * The SPS producer: takes records in friendly shapes (strings, header objects), stamps each one
 * with a `traceparent` (a child of the current trace context, else a new root; one the caller
 * set is kept), and hands them to the driver, which places and appends them.
 */
import {
  type DriverOutgoingRecord,
  type DriverProduceResult,
  type DriverProducer,
  type PartitionId,
  type RecordHeader,
  SpsError,
  type StreamName,
} from '@shopstream/sps-core';
import { TRACEPARENT_HEADER, traceparentForNewRecord } from '../trace/traceparent';

/** A record to send. */
export interface OutgoingRecord {
  /** Records with the same key land on the same partition (Kafka's murmur2) and keep their order. */
  key?: string | Buffer | null;
  value: string | Buffer | null;
  /** An object (one header per name) or a list (names may repeat, order is kept). */
  headers?: Record<string, string | Buffer> | RecordHeader[];
  /** Put it on this partition instead of placing it by key. */
  partition?: PartitionId;
  /** The record's create time. @default now */
  timestamp?: number | Date;
}

/** Where a sent record landed. */
export type ProducedRecord = DriverProduceResult;

/** How a producer sends. */
export interface ProducerOptions {
  /**
   * Retried sends are stored once (Kafka's idempotent producer: a producer id and per-partition
   * sequence numbers let the backend drop a batch it already has).
   * @default true
   */
  idempotent?: boolean;
  /** @default 'none' */
  compression?: 'none' | 'gzip';
}

export class SpsProducer {
  private closed = false;

  constructor(
    private readonly driver: DriverProducer,
    private readonly onClose: () => void,
  ) {}

  /**
   * Appends the records; resolves once they are durable, with where each one landed (same
   * order as given).
   *
   * @example
   * ```ts
   * const [placed] = await producer.send('orders', {
   *   key: order.orderId,
   *   value: JSON.stringify(order),
   *   headers: { 'event-type': 'order.placed', 'event-id': eventId },
   * });
   * ```
   */
  async send(
    stream: StreamName,
    records: OutgoingRecord | OutgoingRecord[],
  ): Promise<ProducedRecord[]> {
    if (this.closed) throw new SpsError('SPS_ERR_ENGINE_CLOSED', 'the producer is closed');
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return [];
    return await this.driver.send(stream, list.map(toDriverRecord));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    await this.driver.close();
  }
}

function toBuffer(value: string | Buffer | null | undefined): Buffer | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

export function toDriverRecord(record: OutgoingRecord): DriverOutgoingRecord {
  const headers: RecordHeader[] = Array.isArray(record.headers)
    ? [...record.headers]
    : Object.entries(record.headers ?? {}).map(([key, value]) => ({ key, value: toBuffer(value) }));
  if (!headers.some((h) => h.key === TRACEPARENT_HEADER)) {
    headers.push({ key: TRACEPARENT_HEADER, value: Buffer.from(traceparentForNewRecord()) });
  }
  const timestamp =
    record.timestamp instanceof Date ? record.timestamp.getTime() : record.timestamp;
  return {
    key: toBuffer(record.key),
    value: toBuffer(record.value),
    headers,
    ...(record.partition === undefined ? {} : { partition: record.partition }),
    ...(timestamp === undefined ? {} : { timestamp }),
  };
}
