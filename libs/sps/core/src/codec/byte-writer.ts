/**
 * A growable big-endian buffer writer for Kafka encodings. Grows by doubling; `finish()`
 * returns a view of the bytes written. Placeholders (`reserve`) let a length or CRC be
 * written after the bytes it covers.
 */
export class ByteWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initialCapacity = 256) {
    this.buf = Buffer.allocUnsafe(initialCapacity);
  }

  get offset(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int8(v: number): this {
    this.ensure(1);
    this.buf.writeInt8(v, this.pos);
    this.pos += 1;
    return this;
  }

  int16(v: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.pos);
    this.pos += 2;
    return this;
  }

  int32(v: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  uint32(v: number): this {
    this.ensure(4);
    this.buf.writeUInt32BE(v >>> 0, this.pos);
    this.pos += 4;
    return this;
  }

  int64(v: bigint | number): this {
    this.ensure(8);
    this.buf.writeBigInt64BE(BigInt(v), this.pos);
    this.pos += 8;
    return this;
  }

  uvarint(v: number): this {
    this.ensure(5);
    let n = v >>> 0;
    while (n >= 0x80) {
      this.buf[this.pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.pos++] = n;
    return this;
  }

  /** Zig-zag varint (signed 32-bit). */
  varint(v: number): this {
    return this.uvarint(((v << 1) ^ (v >> 31)) >>> 0);
  }

  /** Zig-zag varlong (signed 64-bit; `v` must be a safe integer). */
  varlong(v: number): this {
    this.ensure(10);
    const b = BigInt(v);
    let n = BigInt.asUintN(64, (b << 1n) ^ (b >> 63n));
    while (n >= 0x80n) {
      this.buf[this.pos++] = Number(n & 0x7fn) | 0x80;
      n >>= 7n;
    }
    this.buf[this.pos++] = Number(n);
    return this;
  }

  bytes(data: Uint8Array): this {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
    return this;
  }

  /** Kafka's varint-length bytes; null is length -1. */
  varintBytes(data: Uint8Array | null): this {
    if (data === null) return this.varint(-1);
    return this.varint(data.length).bytes(data);
  }

  /** Reserves `n` bytes to fill in later with {@link patch}; returns their offset. */
  reserve(n: number): number {
    this.ensure(n);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  /** Direct access to the bytes written so far, to patch a reserved field. */
  patch(): Buffer {
    return this.buf;
  }

  /** The bytes written, as a view (valid until the writer is used again). */
  finish(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** Bytes a zig-zag varint takes. */
export function sizeOfVarint(v: number): number {
  let n = ((v << 1) ^ (v >> 31)) >>> 0;
  let size = 1;
  while (n >= 0x80) {
    n >>>= 7;
    size++;
  }
  return size;
}
