// A small seeded PRNG (mulberry32) so fuzz and property tests are reproducible from a seed.
export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(0, 255);
    return b;
  }
}

/** The seed for this run: SPS_FUZZ_SEED if set, else a fresh one (printed on failure). */
export function runSeed(): number {
  const fromEnv = process.env['SPS_FUZZ_SEED'];
  return fromEnv !== undefined && fromEnv !== ''
    ? Number(fromEnv) >>> 0
    : (Math.random() * 2 ** 32) >>> 0;
}
