// Builds protocol bytes by hand from the grammar, independent of the codec under test, for
// versions kafkajs does not implement: `wire().i16(1).str('x').arr([..], fn).buf()`.
export class Wire {
  private readonly parts: Buffer[] = [];

  i8(v: number): this {
    const b = Buffer.alloc(1);
    b.writeInt8(v);
    return this.push(b);
  }
  bool(v: boolean): this {
    return this.i8(v ? 1 : 0);
  }
  i16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    return this.push(b);
  }
  i32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    return this.push(b);
  }
  i64(v: number | bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(v));
    return this.push(b);
  }
  str(v: string | null): this {
    if (v === null) return this.i16(-1);
    const s = Buffer.from(v, 'utf8');
    return this.i16(s.length).push(s);
  }
  bytes(v: Buffer | null): this {
    if (v === null) return this.i32(-1);
    return this.i32(v.length).push(v);
  }
  arr<T>(items: readonly T[] | null, each: (w: this, item: T) => void): this {
    if (items === null) return this.i32(-1);
    this.i32(items.length);
    for (const item of items) each(this, item);
    return this;
  }
  raw(b: Buffer): this {
    return this.push(b);
  }
  buf(): Buffer {
    return Buffer.concat(this.parts);
  }
  private push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
}

export const wire = (): Wire => new Wire();
