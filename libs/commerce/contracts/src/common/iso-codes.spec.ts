import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, CURRENCY_CODES } from './iso-codes';

// Added to ISO 4217 in 2024/2025; an older ICU (other Node 20 builds) has no name for them.
const NEWER_THAN_SOME_ICU = new Set(['XCG', 'ZWG']);

describe('ISO code lists', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes, sorted and unique', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
  });

  it('has currency codes sorted and unique, including EUR', () => {
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(CURRENCY_CODES).toContain('EUR');
  });

  it('has no typo: ICU knows a name for every code', () => {
    const regions = new Intl.DisplayNames(['en'], { type: 'region' });
    const currencies = new Intl.DisplayNames(['en'], { type: 'currency' });
    expect(COUNTRY_CODES.filter((c) => regions.of(c) === c)).toEqual([]);
    expect(
      CURRENCY_CODES.filter((c) => !NEWER_THAN_SOME_ICU.has(c) && currencies.of(c) === c),
    ).toEqual([]);
  });
});
