import { describe, expect, it } from 'vitest';
import { hasSpsCode } from '../errors/sps-error';
import { crc32c } from './crc32c';
import { BATCH_CASES } from './__fixtures__/batch-cases';
import golden from './__fixtures__/kafkajs-batches.json';
import { type BatchCase, kafkajsBatch } from './__fixtures__/kafkajs-batch';
import {
  Compression,
  decodeRecords,
  encodeRecordBatch,
  lastIndexOf,
  readBatchHeader,
  setBaseOffset,
  setPartitionLeaderEpoch,
  splitBatches,
  validateBatch,
} from './record-batch';

const fromHex = (hex: string): Buffer => Buffer.from(hex, 'hex');
const bytes = (s: string | null): Buffer | null => (s === null ? null : Buffer.from(s, 'utf8'));

function ourBatch(c: BatchCase): Buffer {
  return encodeRecordBatch(
    c.records.map((r) => ({
      key: bytes(r.key),
      value: bytes(r.value),
      timestamp: r.timestamp,
      headers: r.headers.map((h) => ({ key: h.key, value: bytes(h.value) })),
    })),
    {
      compression: c.compression,
      producerId: c.producerId,
      producerEpoch: c.producerEpoch,
      baseSequence: c.baseSequence,
    },
  );
}

describe('record batch v2 codec against kafkajs golden bytes', () => {
  it('the golden file is what kafkajs 2.2.4 produces today', async () => {
    expect(golden.map((g) => g.name)).toEqual(BATCH_CASES.map((c) => c.name));
    for (const c of BATCH_CASES) {
      const expected = golden.find((g) => g.name === c.name)!.hex;
      expect((await kafkajsBatch(c)).toString('hex'), c.name).toBe(expected);
    }
  });

  it.each(golden)('decodes "$name" to the records kafkajs encoded', (g) => {
    const batch = fromHex(g.hex);
    const header = validateBatch(batch);
    expect(header.magic).toBe(2);
    expect(header.recordsCount).toBe(g.records.length);
    expect(header.producerId).toBe(g.producerId);
    expect(header.producerEpoch).toBe(g.producerEpoch);
    expect(header.baseSequence).toBe(g.baseSequence);
    const records = decodeRecords(batch);
    expect(records).toHaveLength(g.records.length);
    records.forEach((rec, i) => {
      const want = g.records[i]!;
      expect(rec.index).toBe(i);
      expect(rec.key?.toString('utf8') ?? null).toBe(want.key);
      expect(rec.value?.toString('utf8') ?? null).toBe(want.value);
      expect(rec.timestamp).toBe(want.timestamp);
      expect(rec.headers.map((h) => ({ key: h.key, value: h.value?.toString('utf8') }))).toEqual(
        want.headers,
      );
    });
  });

  it.each(BATCH_CASES)('encodes "$name" byte for byte as kafkajs does', (c) => {
    const expected = golden.find((g) => g.name === c.name)!.hex;
    expect(ourBatch(c).toString('hex')).toBe(expected);
  });
});

describe('validateBatch', () => {
  const good = fromHex(golden[1]!.hex);

  it('detects a flipped bit anywhere in the CRC-covered bytes', () => {
    for (let at = 21; at < good.length; at += 7) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x10;
      expect(() => validateBatch(bad), `bit flipped at ${at}`).toThrowError(
        expect.objectContaining({ code: 'SPS_ERR_CORRUPT_BATCH' }),
      );
    }
  });

  it('rejects a wrong magic byte and an inconsistent length', () => {
    const magic = Buffer.from(good);
    magic[16] = 1;
    expect(() => validateBatch(magic)).toThrow(/magic is 1/);
    expect(() => validateBatch(good.subarray(0, good.length - 1))).toThrow(/length field says/);
  });

  it('reports a header cut short as malformed, not as a crash', () => {
    let error: unknown;
    try {
      validateBatch(good.subarray(0, 30));
    } catch (e) {
      error = e;
    }
    expect(hasSpsCode(error, 'SPS_ERR_MALFORMED')).toBe(true);
  });

  it('keeps the CRC valid when the broker rewrites base offset and leader epoch', () => {
    const batch = Buffer.from(good);
    setBaseOffset(batch, 1_234_567);
    setPartitionLeaderEpoch(batch, 9);
    const header = validateBatch(batch);
    expect(header.baseOffset).toBe(1_234_567);
    expect(header.partitionLeaderEpoch).toBe(9);
    expect(lastIndexOf(header)).toBe(1_234_567 + 3);
    expect(decodeRecords(batch).map((r) => r.index)).toEqual([
      1_234_567, 1_234_568, 1_234_569, 1_234_570,
    ]);
  });
});

describe('encodeRecordBatch', () => {
  it('round-trips records with gzip', () => {
    const batch = encodeRecordBatch(
      [
        { key: Buffer.from('a'), value: Buffer.from('1'.repeat(1000)), timestamp: 10 },
        { key: null, value: null, timestamp: 20, headers: [{ key: 'x', value: null }] },
      ],
      { compression: Compression.Gzip, baseOffset: 7 },
    );
    const header = validateBatch(batch);
    expect(batch.length).toBeLessThan(200);
    expect(header.baseTimestamp).toBe(10);
    expect(header.maxTimestamp).toBe(20);
    expect(decodeRecords(batch)).toEqual([
      {
        index: 7,
        key: Buffer.from('a'),
        value: Buffer.from('1'.repeat(1000)),
        headers: [],
        timestamp: 10,
      },
      { index: 8, key: null, value: null, headers: [{ key: 'x', value: null }], timestamp: 20 },
    ]);
  });

  it('refuses to encode an empty batch or a codec it cannot write', () => {
    expect(() => encodeRecordBatch([])).toThrow(/at least one record/);
    expect(() =>
      encodeRecordBatch([{ value: null }], { compression: Compression.Zstd }),
    ).toThrowError(expect.objectContaining({ code: 'SPS_ERR_UNSUPPORTED_COMPRESSION' }));
  });

  it('passes snappy/lz4/zstd batches through: header and CRC work, records are not decoded', () => {
    // Make a valid batch that claims zstd: flip the codec bits and recompute the CRC.
    const batch = encodeRecordBatch([{ value: Buffer.from('opaque') }]);
    batch.writeInt16BE(Compression.Zstd, 21);
    batch.writeUInt32BE(crc32c(batch.subarray(21)), 17);
    expect(validateBatch(batch).attributes & 7).toBe(Compression.Zstd);
    expect(() => decodeRecords(batch)).toThrowError(
      expect.objectContaining({ code: 'SPS_ERR_UNSUPPORTED_COMPRESSION' }),
    );
  });
});

describe('splitBatches', () => {
  it('splits concatenated batches and leaves a partial tail out', () => {
    const a = fromHex(golden[0]!.hex);
    const b = fromHex(golden[1]!.hex);
    const all = Buffer.concat([a, b, b.subarray(0, 40)]);
    const { batches, rest } = splitBatches(all);
    expect(batches.map((x) => x.length)).toEqual([a.length, b.length]);
    expect(rest).toBe(a.length + b.length);
    expect(readBatchHeader(batches[1]!).recordsCount).toBe(4);
  });

  it('rejects a length smaller than a batch header instead of looping', () => {
    const bad = Buffer.alloc(70);
    bad.writeInt32BE(3, 8);
    expect(() => splitBatches(bad)).toThrowError(
      expect.objectContaining({ code: 'SPS_ERR_CORRUPT_BATCH' }),
    );
  });
});
