import { describe, expect, it } from 'vitest';
import { type StreamDescription } from '@shopstream/sps-client';
import { toSnapshot } from '../snapshot/promo-snapshot';
import { decideStart } from './start-position';

const stream: StreamDescription = {
  name: 'orders',
  ttlMs: 0,
  retentionBytes: -1,
  partitions: [0, 1, 2].map((partition) => ({ partition, logStartIndex: 0, highWatermark: 10 })),
};

function snapshotAt(positions: Record<number, number>, name = 'orders') {
  return toSnapshot(name, {
    positions,
    promos: [],
    withoutCode: { orders: 0, totalCents: 0, discountCents: 0 },
    orderIds: [],
    skippedRecords: 0,
  });
}

describe('decideStart', () => {
  it('reads from the start without a snapshot', () => {
    expect(decideStart(null, stream)).toEqual({ from: 'earliest', reason: 'no snapshot' });
  });

  it("reads on from a fitting snapshot's positions (a partition it never read: from its start)", () => {
    const decision = decideStart(snapshotAt({ 0: 10, 2: 4 }), stream);
    expect(decision).toMatchObject({ from: { indexes: { 0: 10, 2: 4 } } });
  });

  it('rebuilds when the snapshot belongs to another history of the stream', () => {
    expect(decideStart(snapshotAt({ 1: 11 }), stream)).toMatchObject({
      from: 'earliest',
      reason: expect.stringMatching(/beyond its high watermark 10/),
    });
    expect(decideStart(snapshotAt({ 5: 1 }), stream)).toMatchObject({
      from: 'earliest',
      reason: expect.stringMatching(/partition 5/),
    });
    expect(decideStart(snapshotAt({}, 'payments'), stream)).toMatchObject({ from: 'earliest' });
  });
});
