/**
 * The product catalog: one source for the order API (which SKUs exist, their names and
 * prices) and the stock service (what is on hand when its ledger is first seeded). Prices are
 * in {@link CATALOG_CURRENCY} cents. Changing a price here changes new orders only: an
 * `order.placed` event carries the name and price the customer saw.
 */
import type { FieldIssue, ContractResult } from '../errors/field-issues';

/** The currency every catalog price is in; the order API accepts orders in it only. */
export const CATALOG_CURRENCY = 'EUR';

export interface Product {
  sku: string;
  name: string;
  /** Price per unit in {@link CATALOG_CURRENCY} cents. */
  unitPriceCents: number;
  /** Units on hand when the stock ledger is seeded. */
  initialOnHand: number;
  /** `stock.low` is emitted when on-hand falls to this many units or fewer. */
  lowStockThreshold: number;
}

function product(
  sku: string,
  name: string,
  unitPriceCents: number,
  initialOnHand: number,
  lowStockThreshold: number,
): Product {
  return Object.freeze({ sku, name, unitPriceCents, initialOnHand, lowStockThreshold });
}

/**
 * Twenty products. A few start close to their threshold (the keyboard, the lamp), so a short
 * demo run shows `stock.low` events.
 */
export const CATALOG: readonly Product[] = Object.freeze([
  product('SKU-TEE-BLK-S', 'Organic Cotton Tee, Black, S', 2400, 120, 15),
  product('SKU-TEE-BLK-M', 'Organic Cotton Tee, Black, M', 2400, 200, 20),
  product('SKU-TEE-BLK-L', 'Organic Cotton Tee, Black, L', 2400, 150, 20),
  product('SKU-TEE-WHT-M', 'Organic Cotton Tee, White, M', 2400, 180, 20),
  product('SKU-HOOD-GRY-M', 'Heavyweight Hoodie, Grey, M', 5900, 60, 10),
  product('SKU-HOOD-GRY-L', 'Heavyweight Hoodie, Grey, L', 5900, 45, 10),
  product('SKU-CAP-NVY', 'Six-Panel Cap, Navy', 2200, 80, 10),
  product('SKU-SOCK-MRN-3PK', 'Merino Socks, 3-Pack', 1900, 140, 20),
  product('SKU-BAG-TOTE-NAT', 'Canvas Tote Bag, Natural', 1800, 90, 10),
  product('SKU-BKP-20L-BLK', 'Roll-Top Backpack 20 L, Black', 8900, 25, 5),
  product('SKU-MUG-ENML-WHT', 'Enamel Camp Mug, White', 1400, 160, 20),
  product('SKU-BTL-STL-750', 'Insulated Steel Bottle 750 ml', 2900, 75, 10),
  product('SKU-NB-A5-DOT', 'A5 Notebook, Dotted', 1200, 300, 30),
  product('SKU-PEN-GEL-3PK', 'Gel Pens, Black, 3-Pack', 650, 400, 40),
  product('SKU-STK-LOGO-5', 'Logo Sticker Set (5)', 350, 500, 50),
  product('SKU-BEAN-ESP-1KG', 'Espresso Beans, 1 kg', 2650, 40, 8),
  product('SKU-BEAN-FLT-250', 'Filter Coffee Beans, 250 g', 995, 120, 15),
  product('SKU-DRP-CER-02', 'Ceramic Pour-Over Dripper 02', 2750, 30, 5),
  product('SKU-KBD-TKL-BRN', 'Mechanical Keyboard TKL, Brown Switches', 12900, 6, 3),
  product('SKU-LMP-DESK-LED', 'LED Desk Lamp', 4900, 8, 4),
]);

const BY_SKU: ReadonlyMap<string, Product> = new Map(CATALOG.map((p) => [p.sku, p]));

/**
 * The catalog entry for `sku`, or `undefined`.
 *
 * @example
 * findProduct('SKU-TEE-BLK-M')?.unitPriceCents; // 2400
 */
export function findProduct(sku: string): Product | undefined {
  return BY_SKU.get(sku);
}

/** An order line with the catalog's name and price, as `order.placed` carries it. */
export interface PricedLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
}

/**
 * Looks every requested line up in the catalog. Unknown SKUs are reported by position
 * (`items[2].sku`), all of them at once, so the 400 names every line to fix.
 *
 * @example
 * const priced = priceItems([{ sku: 'SKU-MUG-ENML-WHT', quantity: 2 }]);
 * if (priced.ok) priced.value[0]; // { sku, name: 'Enamel Camp Mug, White', quantity: 2, unitPriceCents: 1400 }
 */
export function priceItems(
  items: readonly { sku: string; quantity: number }[],
): ContractResult<PricedLine[]> {
  const lines: PricedLine[] = [];
  const issues: FieldIssue[] = [];
  items.forEach((item, i) => {
    const found = findProduct(item.sku);
    if (found === undefined) {
      issues.push({ field: `items[${i}].sku`, message: `unknown SKU "${item.sku}"` });
    } else {
      lines.push({
        sku: found.sku,
        name: found.name,
        quantity: item.quantity,
        unitPriceCents: found.unitPriceCents,
      });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: lines };
}
