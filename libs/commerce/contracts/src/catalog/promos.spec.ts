import { describe, expect, it } from 'vitest';
import { isContractError } from '../errors/contract-error';
import { PROMOS, applyPromo, applyPromoRule, computeTotals, findPromo, percentOf } from './promos';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('percentOf: half away from zero, to the cent', () => {
  it.each([
    [1995, 10, 200], // 199.5 -> 200
    [1994, 10, 199], // 199.4 -> 199
    [1996, 10, 200], // 199.6 -> 200
    [5, 10, 1], // 0.5 -> 1
    [4, 10, 0], // 0.4 -> 0
    [0, 25, 0],
    [1, 50, 1], // 0.5 -> 1
    [3, 50, 2], // 1.5 -> 2
    [10_000, 100, 10_000],
  ])('%i cents × %i %% = %i', (cents, percent, expected) => {
    expect(percentOf(cents, percent)).toBe(expected);
  });

  it('is exact beyond 2^53 / 100 (BigInt inside)', () => {
    const cents = Number.MAX_SAFE_INTEGER; // 9007199254740991
    expect(percentOf(cents, 10)).toBe(900719925474099); // 900719925474099.1
  });

  it('refuses floats and negative amounts: money is integer cents', () => {
    expect(() => percentOf(19.99, 10)).toThrow(RangeError);
    expect(() => percentOf(-100, 10)).toThrow(RangeError);
  });
});

describe('applyPromo', () => {
  it('WELCOME10: 10 % off, no minimum', () => {
    expect(applyPromo(4990, 'WELCOME10')).toBe(499);
    expect(applyPromo(1, 'WELCOME10')).toBe(0);
    expect(applyPromo(5, 'WELCOME10')).toBe(1);
  });

  it('matches codes in any case, ignoring surrounding spaces', () => {
    expect(applyPromo(1000, ' welcome10 ')).toBe(100);
    expect(findPromo('Summer25')?.code).toBe('SUMMER25');
  });

  it('FRIENDS15 and SUMMER25 stop at their cap', () => {
    expect(applyPromo(10_000, 'FRIENDS15')).toBe(1500);
    expect(applyPromo(50_000, 'FRIENDS15')).toBe(3000);
    expect(applyPromo(8000, 'SUMMER25')).toBe(2000);
    expect(applyPromo(1_000_000, 'SUMMER25')).toBe(5000);
  });

  it('TENOFF and BIGBASKET take a fixed amount from their minimum on', () => {
    expect(applyPromo(5000, 'TENOFF')).toBe(1000);
    expect(applyPromo(20_000, 'BIGBASKET')).toBe(2500);
  });

  it('below the minimum, names promoCode and the minimum', () => {
    const error = thrown(() => applyPromo(4999, 'TENOFF'));
    expect(isContractError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'COMMERCE_ERR_PROMO_NOT_APPLICABLE',
      issues: [{ field: 'promoCode', message: 'TENOFF needs a subtotal of at least 50.00 EUR' }],
    });
    expect(thrown(() => applyPromo(7999, 'SUMMER25'))).toMatchObject({
      code: 'COMMERCE_ERR_PROMO_NOT_APPLICABLE',
    });
  });

  it('an unknown code is an error, not a zero discount', () => {
    expect(thrown(() => applyPromo(5000, 'FREEMONEY'))).toMatchObject({
      code: 'COMMERCE_ERR_UNKNOWN_PROMO',
      retriable: false,
      issues: [{ field: 'promoCode', message: 'unknown promo code "FREEMONEY"' }],
    });
  });

  it('never gives more than the subtotal', () => {
    expect(applyPromoRule(500, { kind: 'fixed', amountCents: 1000 })).toEqual({
      applies: true,
      discountCents: 500,
    });
    expect(applyPromoRule(999, { kind: 'percent', percent: 100 })).toEqual({
      applies: true,
      discountCents: 999,
    });
    for (const promo of PROMOS) {
      for (const subtotal of [0, 1, 999, 5000, 8000, 20_000, 123_457]) {
        const result = applyPromoRule(subtotal, promo.rule);
        if (result.applies) expect(result.discountCents).toBeLessThanOrEqual(subtotal);
      }
    }
  });

  it('every promo code is canonical upper case and described', () => {
    for (const promo of PROMOS) {
      expect(promo.code).toMatch(/^[A-Z0-9]{3,32}$/);
      expect(promo.description.length).toBeGreaterThan(0);
    }
  });
});

describe('computeTotals', () => {
  const lines = [
    { quantity: 2, unitPriceCents: 2400 },
    { quantity: 1, unitPriceCents: 1400 },
  ];

  it('sums the lines without a promo', () => {
    expect(computeTotals(lines)).toEqual({
      subtotalCents: 6200,
      discountCents: 0,
      totalCents: 6200,
    });
  });

  it('applies the promo: total = subtotal − discount', () => {
    expect(computeTotals(lines, 'WELCOME10')).toEqual({
      subtotalCents: 6200,
      discountCents: 620,
      totalCents: 5580,
    });
    expect(computeTotals([{ quantity: 3, unitPriceCents: 995 }], 'WELCOME10')).toEqual({
      subtotalCents: 2985,
      discountCents: 299, // 298.5 rounds half away from zero
      totalCents: 2686,
    });
  });

  it('propagates promo errors and rejects float prices', () => {
    expect(computeTotals(lines, 'TENOFF').discountCents).toBe(1000);
    expect(() => computeTotals([{ quantity: 1, unitPriceCents: 4999 }], 'TENOFF')).toThrow(
      /at least 50.00 EUR/,
    );
    expect(() => computeTotals(lines, 'NOPE')).toThrow(/unknown promo code/);
    expect(() => computeTotals([{ quantity: 1, unitPriceCents: 9.99 }])).toThrow(RangeError);
  });
});
