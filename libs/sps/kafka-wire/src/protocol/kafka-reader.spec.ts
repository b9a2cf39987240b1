import { hasSpsCode } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { wire } from '../__tests__/helpers/grammar';
import { KafkaReader } from './kafka-reader';
import { KafkaWriter } from './kafka-writer';

function malformed(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(hasSpsCode(thrown, 'SPS_ERR_MALFORMED')).toBe(true);
}

describe('KafkaReader', () => {
  it('reads strings, nullable strings, bytes and booleans', () => {
    const r = new KafkaReader(
      wire()
        .str('héllo')
        .str(null)
        .bytes(Buffer.from([1, 2]))
        .bytes(null)
        .i8(2)
        .buf(),
    );
    expect(r.string()).toBe('héllo');
    expect(r.nullableString()).toBeNull();
    expect(r.bytes32()).toEqual(Buffer.from([1, 2]));
    expect(r.nullableBytes32()).toBeNull();
    expect(r.boolean()).toBe(true);
    expect(r.remaining).toBe(0);
  });

  it('copies bytes so the result does not pin the frame', () => {
    const frame = wire()
      .bytes(Buffer.from([9, 9]))
      .buf();
    const value = new KafkaReader(frame).bytes32();
    frame[4] = 0;
    expect(value).toEqual(Buffer.from([9, 9]));
  });

  it('rejects a null where the grammar requires a value', () => {
    malformed(() => new KafkaReader(wire().str(null).buf()).string());
    malformed(() => new KafkaReader(wire().bytes(null).buf()).bytes32());
  });

  it('rejects lengths below -1 and lengths beyond the bytes left, before allocating', () => {
    malformed(() => new KafkaReader(wire().i16(-2).buf()).nullableString());
    malformed(() => new KafkaReader(wire().i16(10).raw(Buffer.alloc(3)).buf()).string());
    malformed(() => new KafkaReader(wire().i32(0x7fffffff).buf()).bytes32());
    malformed(() => new KafkaReader(wire().i32(-5).buf()).nullableBytes32());
  });

  it('bounds array counts by the smallest element size', () => {
    const r = () => new KafkaReader(wire().i32(3).raw(Buffer.alloc(11)).buf());
    expect(r().arrayCount(3, false)).toBe(3);
    malformed(() => r().arrayCount(4, false)); // 3 * 4 > 11
    malformed(() =>
      new KafkaReader(
        wire()
          .i32(2 ** 31 - 1)
          .buf(),
      ).arrayCount(1, false),
    );
    malformed(() => new KafkaReader(wire().i32(-1).buf()).arrayCount(1, false));
    expect(new KafkaReader(wire().i32(-1).buf()).arrayCount(1, true)).toBeNull();
  });
});

describe('KafkaWriter', () => {
  it('refuses values that do not fit instead of truncating them', () => {
    const w = new KafkaWriter();
    expect(() => w.checkedInt(40000, 16, 'x')).toThrow(/not an int16/);
    expect(() => w.checkedInt(1.5, 32, 'x')).toThrow(/not an int32/);
    expect(() => w.int64Number(2 ** 60)).toThrow(/not a safe integer/);
    expect(() => w.string('x'.repeat(40000))).toThrow(/longer than an int16 length/);
  });
});
