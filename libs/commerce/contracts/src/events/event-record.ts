/**
 * Events to records and back. A producer encodes a payload into key, value (JSON) and the
 * envelope headers; a consumer parses a received record into a typed event, or gets a
 * ContractError whose issues name every wrong field (`headers["event-id"]`, `key`,
 * `items[0].quantity`), which is what a dead-letter entry should say.
 *
 * Records are structural: an SPS `StreamRecord`, a kafkajs `KafkaMessage` and a plain object
 * in a test all fit, so this library depends on neither.
 */
import type { z } from 'zod';
import { ContractError } from '../errors/contract-error';
import {
  type ContractResult,
  type FieldIssue,
  contractErrorMap,
  toFieldIssues,
} from '../errors/field-issues';
import type { EventContract } from './event-contract';
import { EVENT_HEADERS, buildEventHeaders, traceparentSchema } from './event-headers';

type Bytes = Buffer | Uint8Array | string;

/** A record as a consumer receives it (SPS `StreamRecord`, kafkajs `KafkaMessage`, ...). */
export interface ReceivedRecord {
  key?: Bytes | null;
  value: Bytes | null;
  /** SPS: a list (a key may repeat, the last one wins). kafkajs: an object. */
  headers?:
    | readonly { key: string; value: Bytes | null }[]
    | Readonly<Record<string, Bytes | readonly Bytes[] | undefined>>;
}

/** A parsed event: the envelope headers and the typed payload. */
export interface ReceivedEvent<T> {
  eventType: string;
  eventVersion: string;
  /** Deduplicate on this: delivery is at least once. */
  eventId: string;
  /** `undefined` when the record had none or a malformed one (W3C: start a new trace then). */
  traceparent: string | undefined;
  key: string;
  payload: T;
}

/** A record ready to append: the shape of SPS `RecordInput` (and of kafkajs `Message`). */
export interface EncodedRecord {
  key: Buffer;
  value: Buffer;
  headers: { key: string; value: Buffer }[];
}

/**
 * Validates `payload` against the contract and encodes it with fresh headers.
 *
 * @throws ContractError `COMMERCE_ERR_INVALID_EVENT` when the payload breaks the contract.
 * @example
 * const record = encodeEventRecord(ORDER_PLACED_V1, order, { traceparent });
 * await producer.append(STREAMS.orders, [record]);
 */
export function encodeEventRecord<S extends z.ZodType>(
  contract: EventContract<S>,
  payload: z.input<S>,
  options: { eventId?: string; traceparent?: string } = {},
): EncodedRecord {
  const parsed = contract.schema.safeParse(payload, { error: contractErrorMap });
  if (!parsed.success) {
    throw new ContractError('COMMERCE_ERR_INVALID_EVENT', toFieldIssues(parsed.error));
  }
  const headers = buildEventHeaders(contract, options);
  const checked = contract.headersSchema.safeParse(headers, { error: contractErrorMap });
  if (!checked.success) {
    throw new ContractError(
      'COMMERCE_ERR_INVALID_EVENT',
      toFieldIssues(checked.error, ['headers']),
    );
  }
  return {
    key: Buffer.from(contract.key(parsed.data), 'utf8'),
    value: Buffer.from(JSON.stringify(parsed.data), 'utf8'),
    headers: Object.entries(headers).map(([key, value]) => ({ key, value: Buffer.from(value) })),
  };
}

/**
 * Checks a received record against the contract: headers, key (must equal the payload's key
 * field) and value. Reports every wrong field; `traceparent` alone is lenient (W3C says a
 * receiver of a malformed one starts a new trace instead of failing).
 */
export function checkEventRecord<S extends z.ZodType>(
  contract: EventContract<S>,
  record: ReceivedRecord,
): ContractResult<ReceivedEvent<z.output<S>>> {
  const issues: FieldIssue[] = [];
  const headers = readHeaders(record.headers);
  const lenient = contract.headersSchema.extend({
    traceparent: traceparentSchema.optional().catch(undefined),
  });
  const parsedHeaders = lenient.safeParse(headers, { error: contractErrorMap });
  if (!parsedHeaders.success) issues.push(...toFieldIssues(parsedHeaders.error, ['headers']));

  let payload: unknown;
  if (record.value === null || record.value === undefined) {
    issues.push({ field: '', message: 'the record has no value (a tombstone?)' });
  } else {
    try {
      payload = JSON.parse(text(record.value));
    } catch (e) {
      issues.push({ field: '', message: `the record value is not JSON: ${(e as Error).message}` });
    }
  }
  const parsedPayload =
    payload === undefined
      ? undefined
      : contract.schema.safeParse(payload, { error: contractErrorMap });
  if (parsedPayload && !parsedPayload.success) issues.push(...toFieldIssues(parsedPayload.error));

  const key = record.key === null || record.key === undefined ? undefined : text(record.key);
  if (parsedPayload?.success) {
    const expected = contract.key(parsedPayload.data);
    if (key !== expected) {
      issues.push({
        field: 'key',
        message: `must equal ${contract.keyField} "${expected}", got ${key === undefined ? 'no key' : `"${key}"`}`,
      });
    }
  }
  if (issues.length > 0 || !parsedHeaders.success || !parsedPayload?.success) {
    return { ok: false, issues };
  }
  const h = parsedHeaders.data;
  return {
    ok: true,
    value: {
      eventType: h[EVENT_HEADERS.type],
      eventVersion: h[EVENT_HEADERS.version],
      eventId: h[EVENT_HEADERS.id],
      traceparent: h.traceparent,
      key: contract.key(parsedPayload.data),
      payload: parsedPayload.data,
    },
  };
}

/**
 * Parses a received record into a typed event.
 *
 * @throws ContractError `COMMERCE_ERR_INVALID_EVENT`, with an issue per wrong field.
 * @example
 * const { eventId, payload } = parseEventRecord(ORDER_PLACED_V1, record);
 * // payload: OrderPlacedV1
 */
export function parseEventRecord<S extends z.ZodType>(
  contract: EventContract<S>,
  record: ReceivedRecord,
): ReceivedEvent<z.output<S>> {
  const result = checkEventRecord(contract, record);
  if (!result.ok) throw new ContractError('COMMERCE_ERR_INVALID_EVENT', result.issues);
  return result.value;
}

/**
 * The record's headers as a map of strings, to route on `event-type` before parsing. A key
 * that repeats keeps its last value.
 *
 * @example
 * if (readHeaders(record.headers)[EVENT_HEADERS.type] !== ORDER_PLACED_V1.type) return; // not ours
 */
export function readHeaders(headers: ReceivedRecord['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  if (Array.isArray(headers)) {
    for (const h of headers as readonly { key: string; value: Bytes | null }[]) {
      if (h.value !== null) out[h.key] = text(h.value);
    }
    return out;
  }
  for (const [key, value] of Object.entries(
    headers as Record<string, Bytes | readonly Bytes[] | undefined>,
  )) {
    const last = Array.isArray(value)
      ? (value as readonly Bytes[]).at(-1)
      : (value as Bytes | undefined);
    if (last !== undefined) out[key] = text(last);
  }
  return out;
}

function text(bytes: Bytes): string {
  return typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
}
