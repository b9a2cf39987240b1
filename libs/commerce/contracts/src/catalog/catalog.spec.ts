import { describe, expect, it } from 'vitest';
import { skuSchema } from '../common/primitives.schema';
import { CATALOG, CATALOG_CURRENCY, findProduct, priceItems } from './catalog';

describe('catalog', () => {
  it('has twenty products with unique, well-formed SKUs', () => {
    expect(CATALOG).toHaveLength(20);
    expect(new Set(CATALOG.map((p) => p.sku)).size).toBe(CATALOG.length);
    for (const p of CATALOG) expect(skuSchema.safeParse(p.sku).success, p.sku).toBe(true);
  });

  it('prices in integer cents and seeds stock above the low-stock threshold', () => {
    expect(CATALOG_CURRENCY).toBe('EUR');
    for (const p of CATALOG) {
      expect(Number.isSafeInteger(p.unitPriceCents) && p.unitPriceCents > 0, p.sku).toBe(true);
      expect(Number.isSafeInteger(p.lowStockThreshold) && p.lowStockThreshold >= 0, p.sku).toBe(
        true,
      );
      expect(p.initialOnHand, p.sku).toBeGreaterThan(p.lowStockThreshold);
      expect(p.name.length, p.sku).toBeGreaterThan(0);
    }
  });

  it('is read-only, so no service changes prices or stock for the others', () => {
    expect(Object.isFrozen(CATALOG)).toBe(true);
    expect(Object.isFrozen(CATALOG[0])).toBe(true);
  });

  it('finds a product by SKU', () => {
    expect(findProduct('SKU-TEE-BLK-M')).toMatchObject({ unitPriceCents: 2400 });
    expect(findProduct('SKU-NOPE')).toBeUndefined();
  });
});

describe('priceItems', () => {
  it('adds catalog names and prices to the requested lines', () => {
    expect(priceItems([{ sku: 'SKU-MUG-ENML-WHT', quantity: 2 }])).toEqual({
      ok: true,
      value: [
        {
          sku: 'SKU-MUG-ENML-WHT',
          name: 'Enamel Camp Mug, White',
          quantity: 2,
          unitPriceCents: 1400,
        },
      ],
    });
  });

  it('names every unknown SKU by its line', () => {
    expect(
      priceItems([
        { sku: 'SKU-NOPE-1', quantity: 1 },
        { sku: 'SKU-CAP-NVY', quantity: 1 },
        { sku: 'SKU-NOPE-2', quantity: 1 },
      ]),
    ).toEqual({
      ok: false,
      issues: [
        { field: 'items[0].sku', message: 'unknown SKU "SKU-NOPE-1"' },
        { field: 'items[2].sku', message: 'unknown SKU "SKU-NOPE-2"' },
      ],
    });
  });
});
