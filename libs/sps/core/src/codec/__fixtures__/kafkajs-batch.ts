// Builds record batches with kafkajs' own encoder (the code its producer runs for every
// Produce request), for golden-byte tests of our codec. Deep imports of kafkajs internals are
// fine here: kafkajs is pinned at 2.2.4.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access,
   @typescript-eslint/no-unsafe-return */
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0');
const Long = require('kafkajs/src/utils/long');

/** A batch case in JSON-friendly form (strings for bytes, null for null). */
export interface BatchCase {
  name: string;
  compression: 0 | 1;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  records: Array<{
    key: string | null;
    value: string | null;
    timestamp: number;
    headers: Array<{ key: string; value: string }>;
  }>;
}

export async function kafkajsBatch(c: BatchCase): Promise<Buffer> {
  const timestamps = c.records.map((r) => r.timestamp);
  const firstTimestamp = Math.min(...timestamps);
  const records = c.records.map((r, i) =>
    Record({
      offsetDelta: i,
      timestampDelta: r.timestamp - firstTimestamp,
      key: r.key === null ? null : Buffer.from(r.key, 'utf8'),
      value: r.value === null ? null : Buffer.from(r.value, 'utf8'),
      // kafkajs takes headers as an object; an array value repeats the key.
      headers: r.headers.reduce<Record<string, string[]>>((acc, h) => {
        (acc[h.key] ??= []).push(h.value);
        return acc;
      }, {}),
    }),
  );
  const encoder = await RecordBatch({
    compression: c.compression,
    firstTimestamp,
    maxTimestamp: Math.max(...timestamps),
    lastOffsetDelta: c.records.length - 1,
    producerId: Long.fromNumber(c.producerId),
    producerEpoch: c.producerEpoch,
    firstSequence: c.baseSequence,
    records,
  });
  return Buffer.from(encoder.buffer);
}
