/**
 * `order.placed` v1: a completed order, appended by the order API to the stream `orders` with
 * key = `orderId`. Every consumer group (order-store, mailer, shipping, erp-stock, crm,
 * promo-counter) reads it. The event carries everything they need (names and prices as the
 * customer saw them), so no consumer calls back into the order API or the catalog.
 *
 * Versioning: adding an optional field is a v1 change (consumers drop unknown fields, see
 * customer.schema.ts); removing, renaming or retyping a field is v2, published next to v1.
 */
import { z } from 'zod';
import { customerSchema, shippingAddressSchema } from '../common/customer.schema';
import {
  centsSchema,
  currencyCodeSchema,
  mustBe,
  orderIdSchema,
  promoCodeSchema,
  skuSchema,
  text,
  utcTimestampSchema,
} from '../common/primitives.schema';
import { STREAMS } from '../names';
import { defineEvent } from './event-contract';

/** Units of one order line: a positive integer. */
export const quantitySchema = z
  .number({ error: mustBe('a positive integer') })
  .int({ error: 'must be a positive integer' })
  .positive({ error: 'must be a positive integer' })
  .meta({ id: 'Quantity', description: 'Units of one line, a positive integer.' });

/** One line of a placed order, priced from the catalog at the time of the order. */
export const orderLineSchema = z
  .object({
    sku: skuSchema,
    name: text(200).describe('Product name as the customer saw it.'),
    quantity: quantitySchema,
    unitPriceCents: centsSchema,
  })
  .meta({ id: 'OrderLine', description: 'One line of an order, priced when it was placed.' });

/** The order's money: `totalCents = subtotalCents - discountCents`. */
export const totalsSchema = z
  .object({ subtotalCents: centsSchema, discountCents: centsSchema, totalCents: centsSchema })
  .meta({
    id: 'Totals',
    description:
      'subtotalCents = sum of quantity × unitPriceCents; totalCents = subtotalCents − discountCents.',
  });

export const orderPlacedV1Schema = z
  .object({
    orderId: orderIdSchema,
    placedAt: utcTimestampSchema,
    customer: customerSchema,
    items: z
      .array(orderLineSchema, { error: mustBe('a list of order lines') })
      .min(1, { error: 'must have at least 1 item' }),
    promoCode: promoCodeSchema.optional(),
    shippingAddress: shippingAddressSchema,
    totals: totalsSchema,
    currency: currencyCodeSchema,
  })
  .superRefine(
    (order, ctx) => {
      // JSON Schema cannot say this; consumers rely on it (the CRM sums totals, the mailer
      // prints them), so a producer bug is caught at the producer.
      const sum = order.items.reduce((s, line) => s + line.quantity * line.unitPriceCents, 0);
      const { subtotalCents, discountCents, totalCents } = order.totals;
      if (subtotalCents !== sum) {
        ctx.addIssue({
          code: 'custom',
          path: ['totals', 'subtotalCents'],
          message: `must equal the sum of quantity × unitPriceCents over items (${sum})`,
        });
      }
      if (totalCents !== subtotalCents - discountCents) {
        ctx.addIssue({
          code: 'custom',
          path: ['totals', 'totalCents'],
          message: `must equal subtotalCents − discountCents (${subtotalCents - discountCents})`,
        });
      }
      // Only on an otherwise valid order: a sum over a bad price would add a confusing second issue.
    },
    { when: (payload) => payload.issues.length === 0 },
  )
  .meta({
    id: 'OrderPlacedV1',
    description:
      'A completed order (event order.placed, version 1). Money is integer cents in `currency`.',
  });

export type OrderLine = z.infer<typeof orderLineSchema>;
export type OrderPlacedV1 = z.infer<typeof orderPlacedV1Schema>;

/** The `order.placed` v1 contract: stream `orders`, key = `orderId`. */
export const ORDER_PLACED_V1 = defineEvent({
  name: 'OrderPlacedV1',
  type: 'order.placed',
  version: '1',
  stream: STREAMS.orders,
  schema: orderPlacedV1Schema,
  keyField: 'orderId',
  key: (order) => order.orderId,
  example: {
    orderId: 'ord_01JQ7ZK3V9',
    placedAt: '2025-03-01T12:00:00.000Z',
    customer: { id: 'cus_42', email: 'ada@example.com', name: 'Ada Lovelace' },
    items: [
      {
        sku: 'SKU-TEE-BLK-M',
        name: 'Organic Cotton Tee, Black, M',
        quantity: 2,
        unitPriceCents: 2400,
      },
      {
        sku: 'SKU-MUG-ENML-WHT',
        name: 'Enamel Camp Mug, White',
        quantity: 1,
        unitPriceCents: 1400,
      },
    ],
    promoCode: 'WELCOME10',
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: 'Friedrichstraße 123',
      city: 'Berlin',
      postalCode: '10117',
      country: 'DE',
    },
    totals: { subtotalCents: 6200, discountCents: 620, totalCents: 5580 },
    currency: 'EUR',
  },
});
