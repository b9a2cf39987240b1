// The order as the order-store service keeps it: the `order.placed` v1 body (DESIGN.md) with
// a real Date for `placedAt`. Money is integer cents.

/** An order to store, shaped like the `order.placed` v1 event body. */
export interface NewOrder {
  orderId: string;
  placedAt: Date;
  customer: { id: string; email: string; name: string };
  /** In the event's order; stored with line numbers 1..n. */
  items: { sku: string; name: string; quantity: number; unitPriceCents: number }[];
  promoCode?: string | null;
  shippingAddress: {
    name: string;
    line1: string;
    line2?: string | null;
    city: string;
    postalCode: string;
    /** ISO 3166-1 alpha-2, e.g. `DE`. */
    country: string;
  };
  totals: { subtotalCents: number; discountCents: number; totalCents: number };
  /** ISO 4217, e.g. `EUR`. */
  currency: string;
}

/** A stored order: what was placed, the event that stored it, and when this service stored it. */
export interface StoredOrder extends NewOrder {
  /** The `event-id` of the `order.placed` record that stored the order (the first one). */
  eventId: string;
  promoCode: string | null;
  shippingAddress: NewOrder['shippingAddress'] & { line2: string | null };
  createdAt: Date;
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

/**
 * What {@link OrderStoreRepository.saveOrderWithInbox} did:
 * - `saved`: new event, new order, both written;
 * - `duplicate-event`: this event was handled before (redelivery): nothing written;
 * - `duplicate-order`: a new event for an order already stored (e.g. re-published): only the
 *   inbox row is written, the stored order is left as it was.
 */
export type SaveOutcome = 'saved' | 'duplicate-event' | 'duplicate-order';
