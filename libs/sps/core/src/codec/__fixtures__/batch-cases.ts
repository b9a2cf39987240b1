import { type BatchCase } from './kafkajs-batch';

const T0 = 1_764_000_000_000; // 2025-11-24T16:00:00Z, fixed so the bytes are stable

const order = (n: number): string =>
  JSON.stringify({ orderId: `ord_${n}`, totals: { totalCents: 1999 + n }, currency: 'EUR' });

export const BATCH_CASES: BatchCase[] = [
  {
    name: 'one keyed record',
    compression: 0,
    producerId: -1,
    producerEpoch: 0,
    baseSequence: 0,
    records: [{ key: 'ord_1', value: order(1), timestamp: T0, headers: [] }],
  },
  {
    name: 'headers, null key, null value, repeated header key, rising timestamps',
    compression: 0,
    producerId: -1,
    producerEpoch: 0,
    baseSequence: 0,
    records: [
      {
        key: 'ord_2',
        value: order(2),
        timestamp: T0,
        headers: [
          { key: 'event-type', value: 'order.placed' },
          { key: 'event-version', value: '1' },
          { key: 'traceparent', value: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
        ],
      },
      { key: null, value: 'no key', timestamp: T0 + 5, headers: [] },
      { key: 'tombstone', value: null, timestamp: T0 + 1_000_000, headers: [] },
      {
        key: 'multi',
        value: 'x',
        timestamp: T0 + 7,
        headers: [
          { key: 'h', value: 'a' },
          { key: 'h', value: 'b' },
        ],
      },
    ],
  },
  {
    name: 'gzip',
    compression: 1,
    producerId: -1,
    producerEpoch: 0,
    baseSequence: 0,
    records: Array.from({ length: 20 }, (_, i) => ({
      key: `ord_${i}`,
      value: order(i),
      timestamp: T0 + i,
      headers: [{ key: 'event-type', value: 'order.placed' }],
    })),
  },
  {
    name: 'idempotent producer fields',
    compression: 0,
    producerId: 4242,
    producerEpoch: 3,
    baseSequence: 100,
    records: Array.from({ length: 5 }, (_, i) => ({
      key: `k${i}`,
      value: `v${i}`,
      timestamp: T0,
      headers: [],
    })),
  },
  {
    name: 'long value and unicode key (multi-byte varints)',
    compression: 0,
    producerId: -1,
    producerEpoch: 0,
    baseSequence: 0,
    records: [{ key: 'Bestellung-äöü-注文', value: 'x'.repeat(5000), timestamp: T0, headers: [] }],
  },
];
