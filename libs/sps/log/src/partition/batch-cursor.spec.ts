import {
  Compression,
  encodeRecordBatch,
  readBatchHeader,
  setBaseOffset,
} from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/memory-storage';
import { BatchCursor, readStoredHeader } from './batch-cursor';

const batches = [
  encodeRecordBatch([{ value: Buffer.from('a') }], { now: 1_764_000_000_000 }),
  encodeRecordBatch(
    [
      { key: Buffer.from('k'), value: null, timestamp: 5 },
      { value: Buffer.from('b'), timestamp: 2 ** 45 },
    ],
    {
      producerId: 2 ** 40 + 7,
      producerEpoch: 3,
      baseSequence: 0x7ffffffe,
      compression: Compression.Gzip,
    },
  ),
];

describe('readStoredHeader', () => {
  it('reads what sps-core readBatchHeader reads, field for field', () => {
    for (const b of batches) {
      const copy = Buffer.from(b);
      setBaseOffset(copy, 2 ** 50 + 3);
      expect(readStoredHeader(copy)).toEqual(readBatchHeader(copy));
    }
  });

  it('reports an int64 outside the safe range instead of rounding it', () => {
    const copy = Buffer.from(batches[0]!);
    copy.writeBigInt64BE(2n ** 60n, 0);
    expect(readStoredHeader(copy)).toMatch(/safe integer/);
  });
});

describe('BatchCursor', () => {
  it('walks batches, then reports what is wrong with the first bad one', async () => {
    const storage = new MemoryStorage();
    await storage.mkdirp('/c');
    const file = await storage.open('/c/x.log', { create: true });
    const a = Buffer.from(batches[0]!);
    const b = Buffer.from(batches[1]!);
    setBaseOffset(b, 1);
    const c = Buffer.from(batches[0]!);
    setBaseOffset(c, 9); // should be 3
    await file.write(0, [a, b, c]);
    const end = a.length + b.length + c.length;
    const cursor = new BatchCursor(file, 0, 0, end, 16);
    expect(await cursor.next(true)).toMatchObject({ kind: 'batch', position: 0 });
    expect(await cursor.next(true)).toMatchObject({ kind: 'batch', position: a.length });
    expect(await cursor.next(true)).toMatchObject({
      kind: 'bad',
      position: a.length + b.length,
      problem: 'base offset 9 where 3 was expected',
    });
    const torn = new BatchCursor(file, 0, 0, a.length + b.length - 1, 1 << 16);
    await torn.next(true);
    expect(await torn.next(true)).toMatchObject({
      kind: 'bad',
      problem: expect.stringMatching(/runs past the end/),
    });
  });
});
