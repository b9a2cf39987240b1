/**
 * `POST /orders` body → a priced order, or every wrong field at once. The contracts check the
 * body's shape; the catalog names unknown SKUs; the promo rules reject an unknown or
 * inapplicable code. All three report in the same 400, also when the shape is wrong too, so
 * one round trip fixes everything (the SKU and promo checks then look at the well-formed parts).
 */
import {
  type ContractResult,
  type CreateOrderRequest,
  type FieldIssue,
  type PricedLine,
  type Totals,
  applyPromo,
  computeTotals,
  findPromo,
  isContractError,
  parseCreateOrderRequest,
  priceItems,
} from '@shopstream/commerce-contracts';

/** A valid order: the request, its lines priced from the catalog, and the totals. */
export interface PricedOrder {
  request: CreateOrderRequest;
  items: PricedLine[];
  totals: Totals;
}

/**
 * @example
 * const result = validateOrderRequest(body);
 * if (!result.ok) throw new HttpException(validationFailed(result.issues), 400);
 */
export function validateOrderRequest(body: unknown): ContractResult<PricedOrder> {
  const parsed = parseCreateOrderRequest(body);
  if (!parsed.ok) {
    const issues = [...parsed.issues];
    issues.push(...unknownSkusOfRawLines(body, issues), ...unknownPromoOfRawBody(body, issues));
    return { ok: false, issues };
  }
  const request = parsed.value;
  const priced = priceItems(request.items);
  const issues: FieldIssue[] = priced.ok ? [] : [...priced.issues];
  let totals: Totals | undefined;
  if (priced.ok) {
    try {
      totals = computeTotals(priced.value, request.promoCode);
    } catch (error) {
      if (!isContractError(error)) throw error;
      issues.push(...error.issues);
    }
  } else {
    issues.push(...unknownPromoOfRawBody(request, issues));
  }
  if (issues.length > 0 || !priced.ok || totals === undefined) return { ok: false, issues };
  return { ok: true, value: { request, items: priced.value, totals } };
}

/** `items[i].sku` for each line whose SKU is well-formed (not reported yet) but not sold. */
function unknownSkusOfRawLines(body: unknown, reported: readonly FieldIssue[]): FieldIssue[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const issues: FieldIssue[] = [];
  items.forEach((line: unknown, i) => {
    const sku = (line as { sku?: unknown } | null)?.sku;
    const field = `items[${i}].sku`;
    if (typeof sku !== 'string' || reported.some((issue) => issue.field === field)) return;
    const priced = priceItems([{ sku, quantity: 1 }]);
    if (!priced.ok) issues.push(...priced.issues.map((issue) => ({ ...issue, field })));
  });
  return issues;
}

/**
 * `promoCode` when the code is unknown, judged without a subtotal (the lines are not all
 * valid): whether a known code applies needs the subtotal, so that waits for a valid order.
 */
function unknownPromoOfRawBody(body: unknown, reported: readonly FieldIssue[]): FieldIssue[] {
  const code = (body as { promoCode?: unknown } | null)?.promoCode;
  if (typeof code !== 'string' || reported.some((issue) => issue.field === 'promoCode')) return [];
  if (findPromo(code) !== undefined) return [];
  try {
    applyPromo(0, code.trim().toUpperCase());
  } catch (error) {
    if (isContractError(error)) return [...error.issues];
    throw error;
  }
  return [];
}
