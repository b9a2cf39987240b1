import { ByteWriter, SpsError } from '@shopstream/sps-core';

/**
 * Writes Kafka's classic (non-flexible) primitive types on top of {@link ByteWriter}: the
 * mirror image of {@link KafkaReader}. Values a handler hands us are checked (an int64 must be
 * a safe integer, an int16/int32 must fit), so a bad value fails loudly as
 * `SPS_ERR_INVALID_ARGUMENT` instead of being truncated on the wire.
 */
export class KafkaWriter extends ByteWriter {
  boolean(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  checkedInt(value: number, bits: 8 | 16 | 32, what: string): number {
    const limit = 2 ** (bits - 1);
    if (!Number.isInteger(value) || value < -limit || value >= limit) {
      throw invalid(`${what} ${value} is not an int${bits}`);
    }
    return value;
  }

  int64Number(value: number, what = 'int64'): this {
    if (!Number.isSafeInteger(value)) throw invalid(`${what} ${value} is not a safe integer`);
    return this.int64(value);
  }

  string(value: string, what = 'string'): this {
    return this.nullableString(value, what);
  }

  nullableString(value: string | null, what = 'string'): this {
    if (value === null) return this.int16(-1);
    const length = Buffer.byteLength(value, 'utf8');
    if (length > 0x7fff) throw invalid(`${what} is ${length} bytes, longer than an int16 length`);
    return this.int16(length).bytes(Buffer.from(value, 'utf8'));
  }

  bytes32(value: Uint8Array): this {
    return this.int32(value.length).bytes(value);
  }

  nullableBytes32(value: Uint8Array | null): this {
    return value === null ? this.int32(-1) : this.bytes32(value);
  }
}

function invalid(message: string): SpsError {
  return new SpsError('SPS_ERR_INVALID_ARGUMENT', message);
}
