import { CATALOG } from '@shopstream/commerce-contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UNIT_GRAMS, PACKAGING_GRAMS, UNIT_GRAMS, formatWeight, parcelOf } from './parcel';

describe('parcelOf', () => {
  it('has a weight estimate for every catalog product', () => {
    expect(CATALOG.filter((p) => UNIT_GRAMS[p.sku] === undefined).map((p) => p.sku)).toEqual([]);
  });

  it('sums units and weights, packaging once, an unknown SKU at the default', () => {
    const parcel = parcelOf({
      items: [
        { sku: 'SKU-TEE-BLK-M', name: 'Tee', quantity: 2, unitPriceCents: 2400 },
        { sku: 'SKU-NEW-THING', name: 'New', quantity: 1, unitPriceCents: 100 },
      ],
    });
    expect(parcel).toEqual({
      lines: [
        { sku: 'SKU-TEE-BLK-M', name: 'Tee', quantity: 2 },
        { sku: 'SKU-NEW-THING', name: 'New', quantity: 1 },
      ],
      units: 3,
      weightGrams: PACKAGING_GRAMS + 2 * 180 + DEFAULT_UNIT_GRAMS,
    });
    expect(formatWeight(parcel.weightGrams)).toBe('1.01 kg');
  });
});
