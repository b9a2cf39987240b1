import { randomBytes } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive } from './partitioner';

// apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java, testMurmur2
const JAVA_VECTORS: Array<[string, number]> = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

function kafkajsPartition(key: Buffer, partitions: number): number {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    partitionErrorCode: 0,
    replicas: [0],
    isr: [0],
  }));
  return partitioner({ topic: 'orders', partitionMetadata, message: { key, value: null } });
}

describe('murmur2', () => {
  it.each(JAVA_VECTORS)('matches Java Utils.murmur2 for %j', (key, expected) => {
    expect(murmur2(Buffer.from(key, 'utf8'))).toBe(expected);
  });

  it('hashes the empty key like Java (seed only)', () => {
    // Java: murmur2(new byte[0]) == 275646681
    expect(murmur2(new Uint8Array(0))).toBe(275646681);
  });
});

describe('partitionForKey', () => {
  it('agrees with kafkajs DefaultPartitioner on 5,000 random byte keys and partition counts', () => {
    for (let i = 0; i < 5000; i++) {
      const key = randomBytes(i % 67);
      const partitions = 1 + (i % 97);
      expect(partitionForKey(key, partitions), `key ${key.toString('hex')} / ${partitions}`).toBe(
        kafkajsPartition(key, partitions),
      );
    }
  });

  it('agrees with kafkajs on string keys, hashing their UTF-8 bytes', () => {
    const keys = ['order-1', 'Bestellung-ä-ö-ü', '注文-42', '🛒 cart', ''];
    for (let i = 0; i < 2000; i++) keys.push(`ord_${randomBytes(8).toString('base64url')}`);
    for (const key of keys) {
      expect(partitionForKey(key, 12)).toBe(kafkajsPartition(Buffer.from(key, 'utf8'), 12));
    }
  });

  it('always maps one key to one partition', () => {
    const first = partitionForKey('order-123', 6);
    for (let i = 0; i < 100; i++) expect(partitionForKey('order-123', 6)).toBe(first);
  });

  it('uses toPositive, not Math.abs, for negative hashes', () => {
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(-1)).toBe(0x7fffffff);
    // "21" hashes to a negative number; the partition must still be in range.
    expect(partitionForKey('21', 5)).toBe((-973932308 & 0x7fffffff) % 5);
  });

  it('rejects a partition count that is not a positive integer', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError);
    expect(() => partitionForKey('k', 1.5)).toThrow(RangeError);
  });
});
