import { describe, expect, it } from 'vitest';
import { bookLine } from './ledger.rules';

describe('bookLine', () => {
  it('takes what is ordered while stock lasts', () => {
    expect(bookLine(10, 3, 2)).toEqual({
      taken: 3,
      backordered: 0,
      onHandAfter: 7,
      crossedThreshold: false,
    });
  });

  it('never goes below zero: the shortfall is a backorder', () => {
    expect(bookLine(2, 5, 1)).toEqual({
      taken: 2,
      backordered: 3,
      onHandAfter: 0,
      crossedThreshold: true,
    });
    expect(bookLine(0, 4, 1)).toEqual({
      taken: 0,
      backordered: 4,
      onHandAfter: 0,
      crossedThreshold: false,
    });
  });

  it('crosses the threshold only when coming from above it (landing on it counts)', () => {
    expect(bookLine(6, 3, 3).crossedThreshold).toBe(true); // 6 → 3
    expect(bookLine(6, 2, 3).crossedThreshold).toBe(false); // 6 → 4
    expect(bookLine(3, 1, 3).crossedThreshold).toBe(false); // already at it
  });
});
