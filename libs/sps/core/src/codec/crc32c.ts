import { crc32c as nativeCrc32c } from '@node-rs/crc32';

/**
 * CRC-32C (Castagnoli), the checksum of Kafka's record batch v2. Computed by @node-rs/crc32
 * (SSE4.2 / ARMv8 instructions where the CPU has them): every appended batch is checked, so
 * this sits on the engine's hot path, where a table-driven JavaScript loop would cost more
 * than the disk.
 */
export function crc32c(data: Uint8Array): number {
  return nativeCrc32c(data) >>> 0;
}
