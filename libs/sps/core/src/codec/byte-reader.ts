import { SpsError } from '../errors/sps-error';

/**
 * A bounds-checked cursor over a Buffer, big-endian like every Kafka encoding. Every read
 * checks the bytes left first and throws `SPS_ERR_MALFORMED` instead of reading past the end,
 * so a length field from the network can never make us allocate or read what is not there.
 */
export class ByteReader {
  private pos: number;

  constructor(
    readonly buffer: Buffer,
    offset = 0,
    private readonly end = buffer.length,
  ) {
    this.pos = offset;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  /** Throws unless at least `n` bytes are left. */
  need(n: number, what = 'value'): void {
    if (n < 0 || this.pos + n > this.end) {
      throw new SpsError(
        'SPS_ERR_MALFORMED',
        `cannot read ${what}: needs ${n} bytes at offset ${this.pos}, ${this.remaining} left`,
        { context: { offset: this.pos, needed: n, remaining: this.remaining } },
      );
    }
  }

  skip(n: number): void {
    this.need(n, 'skipped bytes');
    this.pos += n;
  }

  int8(): number {
    this.need(1, 'int8');
    return this.buffer.readInt8(this.pos++);
  }

  uint8(): number {
    this.need(1, 'uint8');
    return this.buffer[this.pos++]!;
  }

  int16(): number {
    this.need(2, 'int16');
    const v = this.buffer.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  int32(): number {
    this.need(4, 'int32');
    const v = this.buffer.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint32(): number {
    this.need(4, 'uint32');
    const v = this.buffer.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  int64(): bigint {
    this.need(8, 'int64');
    const v = this.buffer.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  /** An int64 that must fit a JavaScript number exactly (offsets, timestamps, ids). */
  int64Number(what = 'int64'): number {
    const v = this.int64();
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new SpsError('SPS_ERR_MALFORMED', `${what} ${v} is outside the safe integer range`, {
        context: { offset: this.pos - 8 },
      });
    }
    return Number(v);
  }

  /** Unsigned LEB128 varint of at most 5 bytes (a 32-bit value). */
  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.uint8();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (result > 0xffffffff) break;
        return result;
      }
    }
    throw new SpsError('SPS_ERR_MALFORMED', `varint longer than 5 bytes at offset ${this.pos}`, {
      context: { offset: this.pos },
    });
  }

  /** Zig-zag varint (Kafka's `varint`, a signed 32-bit value). */
  varint(): number {
    const u = this.uvarint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  /** Zig-zag varlong (Kafka's `varlong`), which must fit a JavaScript number exactly. */
  varlong(): number {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.uint8();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        const signed = (result >> 1n) ^ -(result & 1n);
        if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
          break;
        }
        return Number(signed);
      }
    }
    throw new SpsError('SPS_ERR_MALFORMED', `bad varlong at offset ${this.pos}`, {
      context: { offset: this.pos },
    });
  }

  /** `n` bytes as a view into the underlying buffer (no copy). */
  bytes(n: number, what = 'bytes'): Buffer {
    this.need(n, what);
    const v = this.buffer.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  /** Kafka's varint-length bytes: length -1 means null. */
  varintBytes(what = 'bytes'): Buffer | null {
    const len = this.varint();
    if (len === -1) return null;
    if (len < -1) {
      throw new SpsError('SPS_ERR_MALFORMED', `negative length ${len} for ${what}`, {
        context: { offset: this.pos },
      });
    }
    return this.bytes(len, what);
  }
}
