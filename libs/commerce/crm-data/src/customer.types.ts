// The customer as the crm service keeps it: who they are (from their latest order) and what
// they have ordered (count, lifetime value, first and last order time). Money is integer cents.

/** What the crm takes from an `order.placed` v1 event: a real Date for `placedAt`. */
export interface CustomerOrderInput {
  orderId: string;
  placedAt: Date;
  customer: { id: string; email: string; name: string };
  totals: { totalCents: number };
  /** ISO 4217, e.g. `EUR`. */
  currency: string;
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
 * What {@link CustomerRepository.recordOrder} did:
 * - `recorded`: a new event of a new order; the customer was created or updated;
 * - `duplicate-event`: this event was handled before (a redelivery): nothing written;
 * - `duplicate-order`: a new event for an order already counted (re-published): only the inbox
 *   row is written, the customer is left as it was.
 */
export type RecordOutcome = 'recorded' | 'duplicate-event' | 'duplicate-order';

/** One order in a customer's history. */
export interface CustomerOrderEntry {
  orderId: string;
  placedAt: Date;
  totalCents: number;
}

/** A customer with their aggregates and their latest orders, newest first. */
export interface StoredCustomer {
  id: string;
  email: string;
  name: string;
  currency: string;
  orderCount: number;
  /** Sum of the orders' totalCents. */
  totalSpentCents: number;
  firstOrderAt: Date;
  lastOrderAt: Date;
  /** The newest orders first, at most {@link CUSTOMER_ORDERS_LIMIT}; `orderCount` has them all. */
  orders: CustomerOrderEntry[];
}

/** How many orders a {@link StoredCustomer} lists (the aggregates cover all of them). */
export const CUSTOMER_ORDERS_LIMIT = 100;
