/**
 * The body of `POST /orders`. The client names products by SKU and quantity only; the order
 * API looks names and prices up in the catalog (a client never sets a price) and computes the
 * totals. Every object is strict: an unknown field is a 400 naming it, so a typo such as
 * `postcode` or `qty` fails loudly instead of being dropped.
 */
import { z } from 'zod';
import { CATALOG_CURRENCY } from '../catalog/catalog';
import { customerInputSchema, shippingAddressInputSchema } from '../common/customer.schema';
import { mustBe, skuSchema } from '../common/primitives.schema';
import { type ContractResult, checkContract } from '../errors/field-issues';
import { quantitySchema } from '../events/order-placed.schema';

/** Most lines one order may have. A cart beyond it is a script, not a customer. */
export const MAX_ORDER_LINES = 100;
/** Most units of one SKU in one order. */
export const MAX_QUANTITY_PER_LINE = 999;
/** Largest `POST /orders` body the order API reads; beyond it, 413. 100 full lines fit. */
export const MAX_ORDER_BODY_BYTES = 64 * 1024;

export const createOrderLineSchema = z
  .strictObject(
    {
      sku: skuSchema,
      quantity: quantitySchema.max(MAX_QUANTITY_PER_LINE, {
        error: `must be at most ${MAX_QUANTITY_PER_LINE}`,
      }),
    },
    { error: mustBe('an object with sku and quantity') },
  )
  .meta({ id: 'CreateOrderLine', description: 'A SKU from the catalog and how many units.' });

export const createOrderRequestSchema = z
  .strictObject(
    {
      customer: customerInputSchema,
      items: z
        .array(createOrderLineSchema, { error: mustBe('a list of order lines') })
        .min(1, { error: 'must have at least 1 item' })
        .max(MAX_ORDER_LINES, { error: `must have at most ${MAX_ORDER_LINES} items` }),
      promoCode: z
        .string({ error: mustBe('a promo code') })
        .trim()
        .regex(/^[A-Za-z0-9]{3,32}$/, { error: 'must be 3 to 32 letters and digits' })
        // Codes match in any case; upper-casing here gives the spelling the event stores.
        .toUpperCase()
        .optional()
        .describe('A promo code, any case (see GET /promos of promo-counter for the list).'),
      shippingAddress: shippingAddressInputSchema,
      currency: z
        .enum([CATALOG_CURRENCY], {
          error: mustBe(`"${CATALOG_CURRENCY}" (the catalog's currency)`),
        })
        .describe('ISO 4217 code; the catalog is priced in EUR, the only currency accepted.'),
    },
    { error: mustBe('a JSON object') },
  )
  .superRefine(
    (body, ctx) => {
      // One line per SKU keeps stock booking and the mail simple; say which line repeats.
      // This runs even when other fields are wrong (all issues in one 400), so `items` may
      // hold lines that failed their own checks: look at well-formed SKUs only.
      const seen = new Map<string, number>();
      (body.items as unknown[]).forEach((line, i) => {
        const sku = (line as { sku?: unknown } | null)?.sku;
        if (typeof sku !== 'string') return;
        const first = seen.get(sku);
        if (first === undefined) seen.set(sku, i);
        else {
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'sku'],
            message: `repeats items[${first}].sku: one line per SKU, add up the quantities`,
          });
        }
      });
    },
    // Run whenever `items` is a list, even if other fields are wrong.
    { when: (payload) => Array.isArray((payload.value as { items?: unknown } | null)?.items) },
  )
  .meta({
    id: 'CreateOrderRequest',
    description: 'An order: who, what (SKUs and quantities), where to, and an optional promo code.',
  });

export type CreateOrderRequest = z.infer<typeof createOrderRequestSchema>;
export type CreateOrderLine = z.infer<typeof createOrderLineSchema>;

/**
 * Validates a `POST /orders` body. On failure, `issues` names every wrong field, ready for
 * `validationFailed(issues)`.
 *
 * @example
 * const result = parseCreateOrderRequest(req.body);
 * if (!result.ok) return reply.code(400).send(validationFailed(result.issues));
 * const priced = priceItems(result.value.items);
 */
export function parseCreateOrderRequest(body: unknown): ContractResult<CreateOrderRequest> {
  return checkContract(createOrderRequestSchema, body);
}

/** A valid `POST /orders` body: the OpenAPI example, and a starting point for tests. */
export const createOrderExample: CreateOrderRequest = {
  customer: { id: 'cus_42', email: 'ada@example.com', name: 'Ada Lovelace' },
  items: [
    { sku: 'SKU-TEE-BLK-M', quantity: 2 },
    { sku: 'SKU-MUG-ENML-WHT', quantity: 1 },
  ],
  promoCode: 'WELCOME10',
  shippingAddress: {
    name: 'Ada Lovelace',
    line1: 'Friedrichstraße 123',
    city: 'Berlin',
    postalCode: '10117',
    country: 'DE',
  },
  currency: 'EUR',
};
