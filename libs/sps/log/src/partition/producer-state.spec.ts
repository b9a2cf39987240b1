import { encodeRecordBatch, readBatchHeader, type RecordBatchHeader } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope } from './log-format';
import { BATCHES_TO_RETAIN, incrementSequence, ProducerStateTable } from './producer-state';

function header(
  producerId: number,
  epoch: number,
  baseSequence: number,
  records = 1,
): RecordBatchHeader {
  return readBatchHeader(
    encodeRecordBatch(
      Array.from({ length: records }, () => ({ value: Buffer.from('v') })),
      { producerId, producerEpoch: epoch, baseSequence, now: 1000 },
    ),
  );
}

describe('incrementSequence', () => {
  it("wraps like Kafka's DefaultRecordBatch.incrementSequence", () => {
    expect(incrementSequence(5, 3)).toBe(8);
    expect(incrementSequence(0x7fffffff, 1)).toBe(0);
    expect(incrementSequence(0x7ffffffe, 3)).toBe(1);
  });
});

describe('ProducerStateTable', () => {
  it('accepts, finds duplicates among the retained batches, and checks sequences', () => {
    const table = new ProducerStateTable();
    let next = 0;
    for (let n = 0; n < 7; n++) {
      const h = header(1, 0, n * 2, 2);
      expect(table.check([h], 'p')).toEqual({ kind: 'append' });
      table.apply(h, next);
      next += 2;
    }
    expect(table.entry(1)!.batches).toHaveLength(BATCHES_TO_RETAIN);
    expect(table.check([header(1, 0, 12, 2)], 'p')).toEqual({
      kind: 'duplicate',
      baseIndex: 12,
      lastIndex: 13,
    });
    expect(table.check([header(1, 0, 4, 2)], 'p')).toMatchObject({
      kind: 'duplicate',
      baseIndex: 4,
    });
    expect(table.check([header(1, 0, 2, 2)], 'p')).toMatchObject({ kind: 'reject' });
    expect(table.check([header(1, 0, 12, 1)], 'p')).toMatchObject({ kind: 'reject' });
    expect(table.check([header(1, 0, 14)], 'p')).toEqual({ kind: 'append' });
  });

  it('checks several batches of one set against each other', () => {
    const table = new ProducerStateTable();
    expect(table.check([header(1, 0, 0, 2), header(1, 0, 2)], 'p')).toEqual({ kind: 'append' });
    expect(table.check([header(1, 0, 0, 2), header(1, 0, 3)], 'p')).toMatchObject({
      kind: 'reject',
    });
  });

  it('round-trips through its snapshot', () => {
    const table = new ProducerStateTable();
    table.apply(header(7, 2, 10, 3), 100);
    table.apply(header(8, 0, 0), 103);
    const bytes = table.encodeSnapshot(104);
    const decoded = decodeEnvelope(bytes, 'SPSP', 'x', (r) => ProducerStateTable.parseSnapshot(r));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.nextIndex).toBe(104);
    expect(decoded.value.table.entry(7)).toEqual(table.entry(7));
    expect(decoded.value.table.entry(8)).toEqual(table.entry(8));
  });

  it('expires producers by their last batch timestamp', () => {
    const table = new ProducerStateTable();
    table.apply(header(1, 0, 0), 0);
    expect(table.expire(1000 + 99, 100)).toBe(0);
    expect(table.expire(1000 + 100, 100)).toBe(1);
    expect(table.size).toBe(0);
  });
});
