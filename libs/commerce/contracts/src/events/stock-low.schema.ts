/**
 * `stock.low` v1: the stock service (consumer group `erp-stock`) appends it to the stream
 * `stock`, key = `sku`, when an order takes a product's on-hand count to its threshold or
 * below. The console shows it; a buyer would reorder.
 */
import { z } from 'zod';
import { mustBe, skuSchema, text, utcTimestampSchema } from '../common/primitives.schema';
import { STREAMS } from '../names';
import { defineEvent } from './event-contract';

export const stockLowV1Schema = z
  .object({
    sku: skuSchema,
    name: text(200).describe('Product name from the catalog.'),
    onHand: z
      .number({ error: mustBe('an integer') })
      .int({ error: 'must be an integer' })
      .describe('Units on hand after the order; negative when the order oversold the product.'),
    threshold: z
      .number({ error: mustBe('a non-negative integer') })
      .int({ error: 'must be a non-negative integer' })
      .nonnegative({ error: 'must be a non-negative integer' })
      .describe('The low-stock threshold that was reached (on hand ≤ threshold).'),
    at: utcTimestampSchema.describe('When the stock service booked the order that reached it.'),
  })
  .meta({ id: 'StockLowV1', description: 'A product reached its low-stock threshold.' });

export type StockLowV1 = z.infer<typeof stockLowV1Schema>;

/** The `stock.low` v1 contract: stream `stock`, key = `sku`. */
export const STOCK_LOW_V1 = defineEvent({
  name: 'StockLowV1',
  type: 'stock.low',
  version: '1',
  stream: STREAMS.stock,
  schema: stockLowV1Schema,
  keyField: 'sku',
  key: (event) => event.sku,
  example: {
    sku: 'SKU-KBD-TKL-BRN',
    name: 'Mechanical Keyboard TKL, Brown Switches',
    onHand: 3,
    threshold: 3,
    at: '2025-03-01T12:00:01.250Z',
  },
});
