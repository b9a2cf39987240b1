import { describe, expect, it } from 'vitest';
import { ByteReader } from './byte-reader';
import { ByteWriter, sizeOfVarint } from './byte-writer';
import { crc32c } from './crc32c';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-call,
   @typescript-eslint/no-unsafe-return */
// kafkajs' own encoder/decoder, the reference for Kafka's zig-zag varints.
const KafkaEncoder = require('kafkajs/src/protocol/encoder');
const kafkajsVarint = (v: number): Buffer => new KafkaEncoder().writeVarInt(v).buffer;
const kafkajsVarlong = (v: number): Buffer => new KafkaEncoder().writeVarLong(v).buffer;
/* eslint-enable */

const INT32_EDGES = [0, 1, -1, 63, -64, 64, -65, 127, 128, 8191, -8192, 2 ** 31 - 1, -(2 ** 31)];

describe('zig-zag varints', () => {
  it('encode int32 values exactly as kafkajs does, and decode back', () => {
    const values = [...INT32_EDGES];
    for (let i = 0; i < 2000; i++) values.push((Math.random() * 2 ** 32 - 2 ** 31) | 0);
    for (const v of values) {
      const ours = new ByteWriter(1).varint(v).finish();
      expect(ours.toString('hex'), String(v)).toBe(kafkajsVarint(v).toString('hex'));
      expect(sizeOfVarint(v)).toBe(ours.length);
      expect(new ByteReader(ours).varint()).toBe(v);
    }
  });

  it('encode varlongs (timestamp deltas) as kafkajs does, and decode back', () => {
    const values = [
      0,
      -1,
      1,
      2 ** 31,
      -(2 ** 31) - 1,
      1_764_000_000_000,
      -1_764_000_000_000,
      2 ** 53 - 1,
    ];
    for (const v of values) {
      const ours = new ByteWriter(1).varlong(v).finish();
      expect(ours.toString('hex'), String(v)).toBe(kafkajsVarlong(v).toString('hex'));
      expect(new ByteReader(ours).varlong()).toBe(v);
    }
  });

  it('rejects a varint that never ends or runs past the buffer', () => {
    expect(() =>
      new ByteReader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).uvarint(),
    ).toThrow(/longer than 5 bytes/);
    expect(() => new ByteReader(Buffer.from([0x80, 0x80])).varint()).toThrowError(
      expect.objectContaining({ code: 'SPS_ERR_MALFORMED' }),
    );
  });
});

describe('ByteReader bounds', () => {
  it('never reads past the end and says how much was missing', () => {
    const r = new ByteReader(Buffer.from([0, 0, 0]));
    expect(() => r.int32()).toThrow(/needs 4 bytes at offset 0, 3 left/);
    expect(() => new ByteReader(Buffer.from([0x10])).varintBytes()).toThrow(/needs 8 bytes/);
  });

  it('refuses an int64 outside the safe integer range instead of rounding it', () => {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(2n ** 60n);
    expect(() => new ByteReader(b).int64Number('offset')).toThrow(/outside the safe integer range/);
  });
});

describe('crc32c', () => {
  it('matches the CRC-32C check value and RFC 3720 test vectors', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
  });
});
