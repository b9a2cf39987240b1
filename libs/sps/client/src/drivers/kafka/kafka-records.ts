/**
 * Records between SPS and kafkajs shapes.
 *
 * Headers: SPS keeps them as an ordered list (names may repeat, values may be null); kafkajs as
 * an object of name → value or values, which it writes and reads in `Object.keys` order. So on
 * Kafka a header list keeps its order except that (1) the values of a repeated name are
 * grouped at that name's first position (`a, b, a` is stored as `a, a, b`), and (2) names that
 * look like array indexes (`"0"`, `"42"`) come first — JavaScript's own key order. Within one
 * name the order of values is always kept. SPS' own headers (`traceparent`, `sps-dlq-*`) are
 * unaffected. A null header value is sent as an empty one: kafkajs 2.2.4 measures every header
 * value with `Buffer.byteLength` before its null check (`recordBatch/record/v0`), so a null
 * value would fail the whole send — for a dead letter of a record some other client wrote with
 * a null header, forever. Null header values written by other clients are read as null.
 */
import {
  type DriverOutgoingRecord,
  type DriverRecord,
  type PartitionId,
  type RecordHeader,
  type StreamName,
} from '@shopstream/sps-core';
import { type IHeaders, type KafkaMessage, type Message } from 'kafkajs';

const EMPTY = Buffer.alloc(0);

/** An SPS header list as the kafkajs header object (see the file comment for order). */
export function toKafkaHeaders(headers: readonly RecordHeader[]): IHeaders {
  const out: Record<string, Buffer | Buffer[]> = {};
  for (const { key, value: given } of headers) {
    const value = given ?? EMPTY;
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else out[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** A kafkajs header object as an SPS header list. */
export function fromKafkaHeaders(headers: IHeaders | undefined): RecordHeader[] {
  const out: RecordHeader[] = [];
  for (const [key, raw] of Object.entries(headers ?? {})) {
    const values: unknown[] = Array.isArray(raw) ? raw : [raw];
    for (const value of values) out.push({ key, value: toBuffer(value) });
  }
  return out;
}

function toBuffer(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) return value;
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : null;
}

/** A record to send, as a kafkajs message. */
export function toKafkaMessage(record: DriverOutgoingRecord): Message {
  return {
    key: record.key,
    value: record.value,
    headers: toKafkaHeaders(record.headers),
    ...(record.partition === undefined ? {} : { partition: record.partition }),
    ...(record.timestamp === undefined ? {} : { timestamp: String(record.timestamp) }),
  };
}

/** A fetched kafkajs message as the record the delivery runtime gets. */
export function toDriverRecord(
  stream: StreamName,
  partition: PartitionId,
  message: KafkaMessage,
): DriverRecord {
  return {
    stream,
    partition,
    index: Number(message.offset),
    key: message.key ?? null,
    value: message.value ?? null,
    headers: fromKafkaHeaders(message.headers),
    timestamp: Number(message.timestamp),
  };
}
