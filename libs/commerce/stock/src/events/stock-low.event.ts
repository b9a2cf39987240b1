/**
 * A threshold crossing of the ledger as a `stock.low` v1 record for the outbox: the contracts'
 * encoding (schema-checked payload, key = sku, the envelope headers) with a DETERMINISTIC event
 * id, derived from the order and the SKU. An order is booked once, so it crosses a product's
 * threshold at most once, and this is that event's one id: if the relay ever sends it twice
 * (see OutboxRepository), both records carry the same `event-id`.
 */
import { STOCK_LOW_V1, type StockLowV1, encodeEventRecord } from '@shopstream/commerce-contracts';
import { type LowStockCrossing, type OutboxRecordInput } from '@shopstream/stock-data';
import { uuidV5 } from './uuid-v5';

/**
 * The `event-id` of the `stock.low` that `orderId` caused for `sku`.
 *
 * @example
 * stockLowEventId('ord_42', 'SKU-LMP-DESK-LED'); // the same UUID on every call
 */
export function stockLowEventId(orderId: string, sku: string): string {
  return uuidV5(`${STOCK_LOW_V1.type}/v${STOCK_LOW_V1.version}/${orderId}/${sku}`);
}

/** The event's payload. */
export function stockLowPayload(crossing: LowStockCrossing): StockLowV1 {
  return {
    sku: crossing.sku,
    name: crossing.name,
    onHand: crossing.onHand,
    threshold: crossing.threshold,
    at: crossing.at.toISOString(),
  };
}

/**
 * The outbox record of a crossing; `traceparent` continues the order's trace.
 *
 * @throws ContractError if the payload broke the contract (a bug: the booking rolls back).
 */
export function stockLowRecord(
  crossing: LowStockCrossing,
  traceparent?: string,
): OutboxRecordInput {
  const eventId = stockLowEventId(crossing.orderId, crossing.sku);
  const record = encodeEventRecord(STOCK_LOW_V1, stockLowPayload(crossing), {
    eventId,
    ...(traceparent === undefined ? {} : { traceparent }),
  });
  return {
    eventId,
    stream: STOCK_LOW_V1.stream,
    key: record.key.toString('utf8'),
    headers: Object.fromEntries(record.headers.map((h) => [h.key, h.value.toString('utf8')])),
    value: record.value.toString('utf8'),
  };
}
