import { ByteReader, SpsError } from '@shopstream/sps-core';

/**
 * Reads Kafka's classic (non-flexible) primitive types on top of the bounds-checked
 * {@link ByteReader}. Every length that comes off the wire is checked against the bytes left
 * in the frame BEFORE anything is allocated, and array counts are checked against the
 * smallest possible encoding of one element, so a lying length or a count of 2^31 costs
 * nothing: it throws `SPS_ERR_MALFORMED` instead of allocating or looping.
 *
 * Types (kafka.apache.org/protocol.html#protocol_types): STRING is int16 length + UTF-8 and
 * NULLABLE_STRING uses length -1 for null; BYTES and RECORDS are int32 length + bytes (-1 null);
 * ARRAY is int32 count + elements (-1 null); BOOLEAN is one byte, any non-zero is true.
 */
export class KafkaReader extends ByteReader {
  /** Throws `SPS_ERR_MALFORMED` with the reader's offset in the context. */
  fail(message: string): never {
    throw new SpsError('SPS_ERR_MALFORMED', `${message} at offset ${this.offset}`, {
      context: { offset: this.offset },
    });
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  /** STRING: int16 length then UTF-8; a null (-1) where the grammar forbids it is malformed. */
  string(what = 'string'): string {
    const value = this.nullableString(what);
    if (value === null) this.fail(`null ${what} where the protocol requires a string`);
    return value;
  }

  /** NULLABLE_STRING: int16 length (-1 = null) then UTF-8. */
  nullableString(what = 'string'): string | null {
    const length = this.int16();
    if (length === -1) return null;
    if (length < -1) this.fail(`negative length ${length} for ${what}`);
    return this.bytes(length, what).toString('utf8');
  }

  /** BYTES: int32 length then bytes, copied so the result does not pin the frame buffer. */
  bytes32(what = 'bytes'): Buffer {
    const value = this.nullableBytes32(what);
    if (value === null) this.fail(`null ${what} where the protocol requires bytes`);
    return value;
  }

  /** NULLABLE_BYTES / RECORDS: int32 length (-1 = null) then bytes, copied. */
  nullableBytes32(what = 'bytes'): Buffer | null {
    const length = this.int32();
    if (length === -1) return null;
    if (length < -1) this.fail(`negative length ${length} for ${what}`);
    // The copy happens only after `bytes` checked the length against the bytes left.
    return Buffer.from(this.bytes(length, what));
  }

  /**
   * ARRAY count: int32, -1 = null. A count that cannot fit in the bytes left, given that
   * each element takes at least `minElementSize` bytes, is rejected before any allocation.
   */
  arrayCount(minElementSize: number, nullable: boolean, what = 'array'): number | null {
    const count = this.int32();
    if (count === -1 && nullable) return null;
    if (count < 0) this.fail(`invalid count ${count} for ${what}`);
    // An element of size 0 cannot exist in Kafka's grammar; treating it as 1 byte keeps the
    // bound meaningful (never more elements than bytes left).
    if (count * Math.max(1, minElementSize) > this.remaining) {
      this.fail(`${what} count ${count} exceeds the ${this.remaining} bytes left`);
    }
    return count;
  }
}
