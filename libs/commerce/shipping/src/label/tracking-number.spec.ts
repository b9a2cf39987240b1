import { describe, expect, it } from 'vitest';
import { isTrackingNumber, luhnCheckDigit, trackingNumberFor } from './tracking-number';

describe('trackingNumberFor', () => {
  it('is SS, 16 digits and a check digit, the same for the same order on every call', () => {
    const number = trackingNumberFor('ord_01JQ7ZK3V9');
    expect(number).toMatch(/^SS\d{17}$/);
    expect(trackingNumberFor('ord_01JQ7ZK3V9')).toBe(number);
    expect(isTrackingNumber(number)).toBe(true);
  });

  it('differs between orders (10,000 ids, no collision)', () => {
    const numbers = new Set(
      Array.from({ length: 10_000 }, (_, i) => trackingNumberFor(`ord_${i}`)),
    );
    expect(numbers.size).toBe(10_000);
  });

  it('has a Luhn check digit that catches a mistyped digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3); // the textbook example
    const number = trackingNumberFor('ord_42');
    const typo = `${number.slice(0, 5)}${(Number(number[5]) + 1) % 10}${number.slice(6)}`;
    expect(isTrackingNumber(typo)).toBe(false);
    expect(isTrackingNumber('SS123')).toBe(false);
  });
});
