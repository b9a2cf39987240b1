// Frame mutations for fuzzing: each takes a valid frame and returns bytes to put on the wire.
import { type Prng } from './prng';

const HUGE = [0x7fffffff, 0x10000000, 0xffff, -2, -1, 0x7fff];

export function mutate(frame: Buffer, rng: Prng): Buffer {
  const out = Buffer.from(frame);
  // Header-level mutations need a size field and a header; tiny inputs get random bytes.
  switch (out.length < 12 ? 7 : rng.int(0, 7)) {
    case 0: {
      // Bit flips anywhere after the size field.
      for (let n = rng.int(1, 4); n > 0; n--) {
        const at = rng.int(4, out.length - 1);
        out[at] = out[at]! ^ (1 << rng.int(0, 7));
      }
      return out;
    }
    case 1: {
      // Truncated body, with a size field that agrees (a complete but short frame).
      const cut = rng.int(4, out.length - 1);
      const short = out.subarray(0, cut);
      short.writeInt32BE(cut - 4, 0);
      return Buffer.from(short);
    }
    case 2: {
      // A length or count field that lies: a huge or negative int32 at a random offset.
      const at = rng.int(12, Math.max(12, out.length - 4));
      if (at + 4 <= out.length) out.writeInt32BE(rng.pick(HUGE) | 0, at);
      return out;
    }
    case 3: {
      // An int16 string length that lies.
      const at = rng.int(12, Math.max(12, out.length - 2));
      if (at + 2 <= out.length) out.writeInt16BE(rng.pick([0x7fff, -2, 1000, -1]), at);
      return out;
    }
    case 4: {
      // The size field itself lies (bigger: the next frame's bytes get swallowed; smaller: garbage follows).
      out.writeInt32BE(Math.max(0, out.length - 4 + rng.int(-20, 20)), 0);
      return out;
    }
    case 5: {
      // Another API key or version in the header.
      out.writeInt16BE(rng.int(-2, 70), 4);
      out.writeInt16BE(rng.int(-1, 15), 6);
      return out;
    }
    case 6: {
      // Random bytes in a valid frame.
      const garbage = rng.bytes(rng.int(0, 64));
      const framed = Buffer.alloc(4 + garbage.length);
      framed.writeInt32BE(garbage.length, 0);
      garbage.copy(framed, 4);
      return framed;
    }
    default:
      // Random bytes, no framing at all.
      return rng.bytes(rng.int(1, 32));
  }
}
