/**
 * What the consuming services answer on their HTTP read endpoints. Used by the suite's issues
 * to build the services and the console; deliberately simple, and may grow (additive fields
 * only, as for events).
 */
import { z } from 'zod';
import {
  centsSchema,
  currencyCodeSchema,
  customerIdSchema,
  emailSchema,
  orderIdSchema,
  skuSchema,
  utcTimestampSchema,
} from '../common/primitives.schema';
import { orderPlacedV1Schema } from '../events/order-placed.schema';

const count = z.number().int().nonnegative();

/** `GET /orders/:id` (order-store): the order as received, and when it was stored. */
export const storedOrderSchema = z
  .object({
    order: orderPlacedV1Schema,
    eventId: z.uuid().describe('The event-id header of the order.placed record.'),
    storedAt: utcTimestampSchema,
  })
  .meta({ id: 'StoredOrder' });

/** `GET /shipments/:orderId` (shipping). */
export const shipmentSchema = z
  .object({
    orderId: orderIdSchema,
    trackingNumber: z.string(),
    carrier: z.string(),
    status: z.enum(['label_created', 'shipped']),
    labelUrl: z.string().describe('Path of the label PDF, e.g. /labels/ord_42.pdf.'),
    createdAt: utcTimestampSchema,
  })
  .meta({ id: 'Shipment' });

/** `GET /stock/:sku` (stock). */
export const stockLevelSchema = z
  .object({
    sku: skuSchema,
    name: z.string(),
    onHand: z.number().int().describe('Negative when orders oversold the product.'),
    lowStockThreshold: count,
    low: z.boolean().describe('onHand <= lowStockThreshold.'),
    updatedAt: utcTimestampSchema,
  })
  .meta({ id: 'StockLevel' });

/** `GET /customers/:id` (crm): the customer and their order history, newest first. */
export const customerRecordSchema = z
  .object({
    id: customerIdSchema,
    email: emailSchema,
    name: z.string(),
    orderCount: count,
    totalSpentCents: centsSchema,
    currency: currencyCodeSchema,
    orders: z.array(
      z.object({ orderId: orderIdSchema, placedAt: utcTimestampSchema, totalCents: centsSchema }),
    ),
    firstOrderAt: utcTimestampSchema.optional().describe('Earliest placedAt of their orders.'),
    lastOrderAt: utcTimestampSchema.optional().describe('Latest placedAt of their orders.'),
  })
  .meta({ id: 'CustomerRecord' });

/** One promo code's live count (promo-counter). */
export const promoCountSchema = z
  .object({
    code: z.string(),
    orders: count.describe('Orders placed with this code.'),
    totalCents: centsSchema.optional().describe('Sum of their totals (revenue).'),
    discountCents: centsSchema.describe('Sum of their discounts.'),
    lastOrderAt: utcTimestampSchema.optional(),
  })
  .meta({ id: 'PromoCount' });

/** `GET /promos` (promo-counter): every known code, also those not used yet. */
export const promoCountsSchema = z
  .object({
    promos: z.array(promoCountSchema),
    withoutCode: promoCountSchema
      .omit({ code: true })
      .optional()
      .describe('Orders without a code.'),
    ordersCounted: count.optional().describe('Distinct orders counted so far.'),
  })
  .meta({ id: 'PromoCounts' });

/** 404 of any read endpoint. */
export const notFoundSchema = z
  .object({ error: z.literal('not_found'), message: z.string() })
  .meta({ id: 'NotFound' });

export type StoredOrder = z.infer<typeof storedOrderSchema>;
export type Shipment = z.infer<typeof shipmentSchema>;
export type StockLevel = z.infer<typeof stockLevelSchema>;
export type CustomerRecord = z.infer<typeof customerRecordSchema>;
export type PromoCount = z.infer<typeof promoCountSchema>;
export type PromoCounts = z.infer<typeof promoCountsSchema>;
export type NotFound = z.infer<typeof notFoundSchema>;
