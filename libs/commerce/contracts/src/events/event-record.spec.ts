import { describe, expect, it } from 'vitest';
import { isContractError } from '../errors/contract-error';
import {
  EVENT_HEADERS,
  TRACEPARENT_PATTERN,
  buildEventHeaders,
  createTraceparent,
} from './event-headers';
import {
  type EncodedRecord,
  type ReceivedRecord,
  checkEventRecord,
  encodeEventRecord,
  parseEventRecord,
  readHeaders,
} from './event-record';
import { ORDER_PLACED_V1 } from './order-placed.schema';
import { STOCK_LOW_V1 } from './stock-low.schema';

const TRACE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const order = ORDER_PLACED_V1.example;

function issuesOf(record: ReceivedRecord) {
  const result = checkEventRecord(ORDER_PLACED_V1, record);
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.issues;
}

/** The encoded record with one header replaced (or removed with `null`). */
function withHeader(record: EncodedRecord, key: string, value: string | null): ReceivedRecord {
  const headers = record.headers.filter((h) => h.key !== key);
  if (value !== null) headers.push({ key, value: Buffer.from(value) });
  return { ...record, headers };
}

describe('event headers', () => {
  it('builds the four envelope headers', () => {
    const headers = buildEventHeaders(ORDER_PLACED_V1, { traceparent: TRACE });
    expect(headers).toEqual({
      'event-type': 'order.placed',
      'event-version': '1',
      'event-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      traceparent: TRACE,
    });
    expect(Object.keys(headers)).toEqual(Object.values(EVENT_HEADERS));
  });

  it('gives every event a new id and starts a new trace when the given one is malformed', () => {
    const a = buildEventHeaders(ORDER_PLACED_V1);
    const b = buildEventHeaders(ORDER_PLACED_V1, { traceparent: 'garbage' });
    expect(a['event-id']).not.toBe(b['event-id']);
    expect(b.traceparent).toMatch(TRACEPARENT_PATTERN);
    expect(b.traceparent).not.toBe(a.traceparent);
  });

  it('creates W3C traceparents, sampled', () => {
    expect(createTraceparent()).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(TRACEPARENT_PATTERN.test(`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`)).toBe(false);
  });

  it('reads SPS-style header lists and kafkajs-style header objects alike', () => {
    expect(
      readHeaders([
        { key: 'event-type', value: Buffer.from('x') },
        { key: 'event-type', value: Buffer.from('order.placed') },
        { key: 'empty', value: null },
      ]),
    ).toEqual({ 'event-type': 'order.placed' });
    expect(
      readHeaders({ 'event-type': Buffer.from('order.placed'), a: ['1', '2'], b: undefined }),
    ).toEqual({
      'event-type': 'order.placed',
      a: '2',
    });
  });
});

describe('order.placed records', () => {
  it('round-trip: encode, then parse back the same event and headers', () => {
    const record = encodeEventRecord(ORDER_PLACED_V1, order, { traceparent: TRACE });
    expect(record.key.toString()).toBe(order.orderId);
    const parsed = parseEventRecord(ORDER_PLACED_V1, record);
    expect(parsed).toEqual({
      eventType: 'order.placed',
      eventVersion: '1',
      eventId: readHeaders(record.headers)['event-id'],
      traceparent: TRACE,
      key: order.orderId,
      payload: order,
    });
  });

  it('parses a kafkajs message (string headers, Buffer value)', () => {
    const headers = buildEventHeaders(ORDER_PLACED_V1, {
      eventId: '3f0c1e9a-6a43-4c2e-9d51-0c6f1b7e2a44',
    });
    const parsed = parseEventRecord(ORDER_PLACED_V1, {
      key: Buffer.from(order.orderId),
      value: Buffer.from(JSON.stringify(order)),
      headers,
    });
    expect(parsed.eventId).toBe('3f0c1e9a-6a43-4c2e-9d51-0c6f1b7e2a44');
  });

  it('refuses to encode an invalid event, naming the field', () => {
    const bad = { ...order, items: [{ ...order.items[0]!, quantity: 0 }] };
    expect(() => encodeEventRecord(ORDER_PLACED_V1, bad)).toThrow(
      expect.objectContaining({
        code: 'COMMERCE_ERR_INVALID_EVENT',
        issues: expect.arrayContaining([
          { field: 'items[0].quantity', message: 'must be a positive integer' },
        ]),
      }),
    );
  });

  it('names each wrong header', () => {
    const record = encodeEventRecord(ORDER_PLACED_V1, order);
    expect(issuesOf(withHeader(record, 'event-id', null))).toEqual([
      { field: 'headers["event-id"]', message: 'is required' },
    ]);
    expect(issuesOf(withHeader(record, 'event-id', 'not-a-uuid'))).toEqual([
      { field: 'headers["event-id"]', message: 'must be a UUID' },
    ]);
    expect(issuesOf(withHeader(record, 'event-type', 'order.cancelled'))).toEqual([
      { field: 'headers["event-type"]', message: 'must be "order.placed"' },
    ]);
    expect(issuesOf(withHeader(record, 'event-version', '2'))).toEqual([
      { field: 'headers["event-version"]', message: 'must be "1"' },
    ]);
  });

  it('accepts a missing or malformed traceparent (W3C: start a new trace), as undefined', () => {
    const record = encodeEventRecord(ORDER_PLACED_V1, order);
    expect(
      parseEventRecord(ORDER_PLACED_V1, withHeader(record, 'traceparent', null)).traceparent,
    ).toBeUndefined();
    expect(
      parseEventRecord(ORDER_PLACED_V1, withHeader(record, 'traceparent', 'x')).traceparent,
    ).toBeUndefined();
  });

  it('requires the key to be the order id (it decides the partition)', () => {
    const record = encodeEventRecord(ORDER_PLACED_V1, order);
    expect(issuesOf({ ...record, key: Buffer.from('ord_other') })).toEqual([
      { field: 'key', message: `must equal orderId "${order.orderId}", got "ord_other"` },
    ]);
    expect(issuesOf({ ...record, key: null })[0]?.message).toContain('got no key');
  });

  it('names wrong payload fields without a prefix, together with header problems', () => {
    const record = encodeEventRecord(ORDER_PLACED_V1, order);
    const value = Buffer.from(
      JSON.stringify({ ...order, customer: { ...order.customer, email: 'nope' } }),
    );
    expect(issuesOf({ ...withHeader(record, 'event-id', null), value })).toEqual([
      { field: 'headers["event-id"]', message: 'is required' },
      { field: 'customer.email', message: 'must be an email address' },
    ]);
  });

  it('reports a value that is not JSON, or missing', () => {
    const record = encodeEventRecord(ORDER_PLACED_V1, order);
    expect(issuesOf({ ...record, value: Buffer.from('{"orderId":') })[0]?.message).toMatch(
      /^the record value is not JSON/,
    );
    expect(issuesOf({ ...record, value: null })).toEqual([
      { field: '', message: 'the record has no value (a tombstone?)' },
    ]);
  });

  it('throws a ContractError that a dead-letter handler can recognise', () => {
    const error: unknown = (() => {
      try {
        parseEventRecord(ORDER_PLACED_V1, { key: null, value: '{}', headers: [] });
      } catch (e) {
        return e;
      }
    })();
    expect(isContractError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'COMMERCE_ERR_INVALID_EVENT', retriable: false });
    expect((error as Error).message).toContain('headers["event-type"]: is required');
  });
});

describe('stock.low records', () => {
  it('round-trip with key = sku on the stock stream', () => {
    const record = encodeEventRecord(STOCK_LOW_V1, STOCK_LOW_V1.example);
    expect(STOCK_LOW_V1.stream).toBe('stock');
    expect(record.key.toString()).toBe(STOCK_LOW_V1.example.sku);
    expect(parseEventRecord(STOCK_LOW_V1, record).payload).toEqual(STOCK_LOW_V1.example);
  });

  it('is not mistaken for an order', () => {
    const record = encodeEventRecord(STOCK_LOW_V1, STOCK_LOW_V1.example);
    expect(issuesOf(record).map((i) => i.field)).toContain('headers["event-type"]');
  });
});
