// What the stock service keeps: products with on-hand counts, the ledger of movements, and the
// outbox of events its bookings cause.

/** A catalog entry as the stock database needs it (the contracts' `Product` fits). */
export interface CatalogProduct {
  sku: string;
  name: string;
  unitPriceCents: number;
  /** On-hand count when the product is first added; later syncs never change stock. */
  initialOnHand: number;
  lowStockThreshold: number;
}

/** A product's stock as stored. */
export interface StockProduct {
  sku: string;
  name: string;
  unitPriceCents: number;
  onHand: number;
  backordered: number;
  lowStockThreshold: number;
  updatedAt: Date;
}

/** One ledger row. */
export interface StockMovement {
  orderId: string;
  lineNo: number;
  sku: string;
  eventId: string;
  quantityOrdered: number;
  /** Minus the units taken from stock. */
  quantityDelta: number;
  onHandAfter: number;
  backordered: number;
  createdAt: Date;
}

/** An order to book: its id and lines, in the event's order. */
export interface OrderToBook {
  orderId: string;
  lines: readonly { sku: string; quantity: number }[];
}

/** Where an event came from: the inbox row written with its effect. */
export interface InboxEntry {
  /** The `event-id` header: the idempotency key. */
  eventId: string;
  consumerGroup: string;
  stream: string;
  partition: number;
  /** The record's index in its partition (Kafka: offset). */
  index: bigint;
}

/** A product that a booking took from above its threshold to its threshold or below. */
export interface LowStockCrossing {
  orderId: string;
  sku: string;
  name: string;
  onHand: number;
  threshold: number;
  /** When the booking happened. */
  at: Date;
}

/** A record for the outbox: what the relay will append to `stream`. */
export interface OutboxRecordInput {
  eventId: string;
  stream: string;
  key: string;
  headers: Record<string, string>;
  value: string;
}

/** A pending outbox record, as the relay gets it. */
export interface OutboxRecord extends OutboxRecordInput {
  id: bigint;
}

/**
 * What {@link StockLedgerRepository.bookOrder} did:
 * - `booked`: a new event of a new order: inbox row, movements, stock and outbox written;
 * - `duplicate-event`: this event was handled before (redelivery): nothing written;
 * - `duplicate-order`: a new event for an order already booked: only the inbox row is written.
 */
export type BookingOutcome = 'booked' | 'duplicate-event' | 'duplicate-order';

export interface BookingResult {
  outcome: BookingOutcome;
  /** The movements written (empty unless `booked`). */
  movements: StockMovement[];
  /** The threshold crossings of this booking (empty unless `booked`). */
  crossings: LowStockCrossing[];
}
