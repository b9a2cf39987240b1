/**
 * The event envelope of DESIGN.md: every record on a shop stream carries these headers, so a
 * consumer can route on type and version before it parses the value, deduplicate on the event
 * id (delivery is at least once), and continue the producer's trace.
 *
 * | header          | value                                   |
 * | --------------- | --------------------------------------- |
 * | `event-type`    | `order.placed`, `stock.low`, ...        |
 * | `event-version` | `1`: the schema version, as a string    |
 * | `event-id`      | a UUID, new for every event             |
 * | `traceparent`   | W3C Trace Context, version `00`         |
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { mustBe } from '../common/primitives.schema';

/** Header names, as they appear on the record. */
export const EVENT_HEADERS = {
  type: 'event-type',
  version: 'event-version',
  id: 'event-id',
  traceparent: 'traceparent',
} as const;

/**
 * W3C Trace Context `traceparent`, version `00`: `00-<trace-id>-<parent-id>-<flags>` in lower
 * case hex, where neither id is all zeros.
 */
export const TRACEPARENT_PATTERN = /^00-(?!0{32}-)[0-9a-f]{32}-(?!0{16}-)[0-9a-f]{16}-[0-9a-f]{2}$/;

export const traceparentSchema = z
  .string({ error: mustBe('a W3C traceparent') })
  .regex(TRACEPARENT_PATTERN, { error: 'must be a W3C traceparent "00-<32 hex>-<16 hex>-<2 hex>"' })
  .meta({
    id: 'Traceparent',
    description: 'W3C Trace Context traceparent (version 00).',
    examples: ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
  });

/**
 * The header schema of one event type and version: what a producer must send. Consumers read
 * headers with {@link parseEventRecord}, which is lenient about `traceparent` only.
 */
export function eventHeadersSchema<const T extends string, const V extends string>(
  type: T,
  version: V,
) {
  return z.object({
    [EVENT_HEADERS.type]: z.literal(type, { error: mustBe(`"${type}"`) }),
    [EVENT_HEADERS.version]: z.literal(version, { error: mustBe(`"${version}"`) }),
    [EVENT_HEADERS.id]: z.uuid({ error: mustBe('a UUID') }),
    [EVENT_HEADERS.traceparent]: traceparentSchema,
  });
}

/**
 * A new random `traceparent` (sampled), for a producer that is not inside a trace already.
 *
 * @example
 * createTraceparent(); // '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
 */
export function createTraceparent(): string {
  // 16 random bytes are all zero with probability 2^-128; the pattern check guards anyway.
  for (;;) {
    const value = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
    if (TRACEPARENT_PATTERN.test(value)) return value;
  }
}

/** The headers map of one event: header name → string value. */
export type EventHeaders = Record<string, string>;

/**
 * Builds the headers of a new event. `eventId` defaults to a random UUID, `traceparent` to a
 * new trace; pass the incoming request's `traceparent` to keep one trace across services.
 *
 * @example
 * buildEventHeaders({ type: 'order.placed', version: '1' }, { traceparent: req.headers.traceparent });
 * // { 'event-type': 'order.placed', 'event-version': '1', 'event-id': '…', traceparent: '00-…' }
 */
export function buildEventHeaders(
  event: { type: string; version: string },
  options: { eventId?: string; traceparent?: string } = {},
): EventHeaders {
  const traceparent =
    options.traceparent !== undefined && TRACEPARENT_PATTERN.test(options.traceparent)
      ? options.traceparent
      : createTraceparent();
  return {
    [EVENT_HEADERS.type]: event.type,
    [EVENT_HEADERS.version]: event.version,
    [EVENT_HEADERS.id]: options.eventId ?? randomUUID(),
    [EVENT_HEADERS.traceparent]: traceparent,
  };
}
