/**
 * An order names a SKU the stock catalog does not have. The order API validates SKUs against
 * the same catalog (the contracts' CATALOG) before it appends an order, so this is bad data on
 * the stream — another producer, or a product removed from the catalog — and the same on every
 * try: `retriable: false`, the event is dead-lettered at once with this reason, and nothing of
 * the order is booked (the transaction rolls back, its other lines included).
 */
export class UnknownSkuError extends Error {
  override readonly name = 'UnknownSkuError';
  readonly code = 'STOCK_ERR_UNKNOWN_SKU';
  readonly retriable = false;

  /** `{ field: 'items[2].sku', message: 'unknown SKU "SKU-NOPE" (not in the stock catalog)' }` */
  readonly issues: readonly { field: string; message: string }[];

  constructor(
    readonly orderId: string,
    unknown: readonly { lineIndex: number; sku: string }[],
  ) {
    const issues = unknown.map(({ lineIndex, sku }) => ({
      field: `items[${lineIndex}].sku`,
      message: `unknown SKU "${sku}" (not in the stock catalog)`,
    }));
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.issues = issues;
  }
}
