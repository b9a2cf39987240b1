import { type PartitionId } from './vocabulary';

/**
 * Kafka's murmur2, bit for bit the same as Java's `org.apache.kafka.common.utils.Utils.murmur2`
 * (seed 0x9747b28c, m 0x5bd1e995, r 24), in 32-bit integer arithmetic (`Math.imul`, `>>>`).
 * Returns a signed 32-bit integer, as Java does.
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const seed = 0x9747b28c;
  const m = 0x5bd1e995;
  const r = 24;

  let h = (seed ^ length) | 0;
  const length4 = length >>> 2;

  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k =
      (data[i4]! & 0xff) |
      ((data[i4 + 1]! & 0xff) << 8) |
      ((data[i4 + 2]! & 0xff) << 16) |
      ((data[i4 + 3]! & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }

  // The last 1-3 bytes (Java's switch with fall-through, unrolled).
  const tail = length & ~3;
  const left = length % 4;
  if (left >= 3) h ^= (data[tail + 2]! & 0xff) << 16;
  if (left >= 2) h ^= (data[tail + 1]! & 0xff) << 8;
  if (left >= 1) {
    h ^= data[tail]! & 0xff;
    h = Math.imul(h, m);
  }

  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Java's `Utils.toPositive`: clears the sign bit (not `Math.abs`, which overflows). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/**
 * The partition a keyed record lands on, exactly as Kafka's Java producer and kafkajs'
 * DefaultPartitioner compute it: `toPositive(murmur2(keyBytes)) % partitions`.
 * String keys are hashed as their UTF-8 bytes.
 */
export function partitionForKey(key: Uint8Array | string, partitions: number): PartitionId {
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new RangeError(`partitions must be a positive integer, got ${partitions}`);
  }
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  return toPositive(murmur2(bytes)) % partitions;
}
