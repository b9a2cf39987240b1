import { describe, expect, it } from 'vitest';
import { OffsetIndex, TimeIndex } from './sparse-index';

describe('OffsetIndex', () => {
  const index = new OffsetIndex();
  // Entries at relative index 10k, byte 1000k (k = 1..200), grown past the initial capacity.
  for (let k = 1; k <= 200; k++) index.append(k * 10, k * 1000);

  it('floor finds the last entry at or before a relative index, at every position', () => {
    expect(index.count).toBe(200);
    for (let rel = 0; rel < 2100; rel++) {
      const k = Math.min(200, Math.floor(rel / 10));
      expect(index.floor(rel)).toEqual(
        k === 0 ? { rel: 0, position: 0 } : { rel: k * 10, position: k * 1000 },
      );
    }
  });

  it('floorByPosition finds the last entry at or before a byte position', () => {
    expect(index.floorByPosition(0)).toEqual({ rel: 0, position: 0 });
    expect(index.floorByPosition(999)).toEqual({ rel: 0, position: 0 });
    expect(index.floorByPosition(1000)).toEqual({ rel: 10, position: 1000 });
    expect(index.floorByPosition(54_321)).toEqual({ rel: 540, position: 54_000 });
    expect(index.floorByPosition(10_000_000)).toEqual({ rel: 2000, position: 200_000 });
  });
});

describe('TimeIndex', () => {
  it('keeps strictly increasing timestamps and starts a search before the first batch that could match', () => {
    const index = new TimeIndex();
    index.maybeAppend(100, 0);
    index.maybeAppend(100, 5); // not higher: ignored
    index.maybeAppend(90, 6); // lower: ignored
    index.maybeAppend(250, 7);
    index.maybeAppend(400, 12);
    expect(index.count).toBe(3);
    expect(index.startRelFor(50)).toBe(0);
    expect(index.startRelFor(100)).toBe(0);
    expect(index.startRelFor(101)).toBe(0);
    expect(index.startRelFor(250)).toBe(0);
    expect(index.startRelFor(251)).toBe(7);
    expect(index.startRelFor(10_000)).toBe(12);
  });
});
