/**
 * The parcel summary printed on a label: the lines (SKU, name, quantity), the number of units
 * and a weight estimate. The catalog has no weights, so shipping keeps its own estimate per
 * SKU (grams per unit, packed); an unknown SKU counts as {@link DEFAULT_UNIT_GRAMS}, since a
 * label is still better than none and the weight is an estimate anyway.
 */
import { type OrderPlacedV1 } from '@shopstream/commerce-contracts';

/** The box and filling, added once per parcel. */
export const PACKAGING_GRAMS = 150;

/** The estimate for a SKU shipping has no weight for. */
export const DEFAULT_UNIT_GRAMS = 500;

/** Grams per unit, packed, for every catalog SKU (a test checks the catalog is covered). */
export const UNIT_GRAMS: Readonly<Record<string, number>> = Object.freeze({
  'SKU-TEE-BLK-S': 170,
  'SKU-TEE-BLK-M': 180,
  'SKU-TEE-BLK-L': 195,
  'SKU-TEE-WHT-M': 180,
  'SKU-HOOD-GRY-M': 650,
  'SKU-HOOD-GRY-L': 690,
  'SKU-CAP-NVY': 120,
  'SKU-SOCK-MRN-3PK': 160,
  'SKU-BAG-TOTE-NAT': 230,
  'SKU-BKP-20L-BLK': 950,
  'SKU-MUG-ENML-WHT': 280,
  'SKU-BTL-STL-750': 420,
  'SKU-NB-A5-DOT': 300,
  'SKU-PEN-GEL-3PK': 45,
  'SKU-STK-LOGO-5': 20,
  'SKU-BEAN-ESP-1KG': 1_050,
  'SKU-BEAN-FLT-250': 270,
  'SKU-DRP-CER-02': 480,
  'SKU-KBD-TKL-BRN': 1_200,
  'SKU-LMP-DESK-LED': 950,
});

export interface ParcelLine {
  sku: string;
  name: string;
  quantity: number;
}

export interface Parcel {
  lines: ParcelLine[];
  /** Sum of the quantities. */
  units: number;
  /** Packaging plus every unit's estimate, in grams. */
  weightGrams: number;
}

/**
 * @example
 * parcelOf(order); // { lines: [{ sku, name, quantity }, …], units: 3, weightGrams: 790 }
 */
export function parcelOf(order: Pick<OrderPlacedV1, 'items'>): Parcel {
  let units = 0;
  let weightGrams = PACKAGING_GRAMS;
  const lines = order.items.map(({ sku, name, quantity }) => {
    units += quantity;
    weightGrams += quantity * (UNIT_GRAMS[sku] ?? DEFAULT_UNIT_GRAMS);
    return { sku, name, quantity };
  });
  return { lines, units, weightGrams };
}

/**
 * Grams as people read them on a label: `0.79 kg`, `12.35 kg`.
 *
 * @example
 * formatWeight(790); // '0.79 kg'
 */
export function formatWeight(grams: number): string {
  return `${(grams / 1000).toFixed(2)} kg`;
}
