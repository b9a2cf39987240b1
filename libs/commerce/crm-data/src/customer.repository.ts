// Data access of the crm service. Idempotency rule: the inbox row, the order row and the
// customer upsert are written in ONE transaction, so an event is either fully counted (and
// never counted again) or not at all (and its redelivery counts it).
import { type PrismaClient } from './generated/prisma/client';
import { CurrencyMismatchError } from './currency-mismatch.error';
import {
  CUSTOMER_ORDERS_LIMIT,
  type CustomerOrderInput,
  type InboxEntry,
  type RecordOutcome,
  type StoredCustomer,
} from './customer.types';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Emails match case-insensitively (`Ada@Example.com` is `ada@example.com`). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Customers of the crm database.
 *
 * @example
 * ```ts
 * const customers = new CustomerRepository(createCrmPrismaClient(url));
 * const outcome = await customers.recordOrder(order, {
 *   eventId, consumerGroup: 'crm', stream: 'orders', partition, index,
 * }); // 'recorded' | 'duplicate-event' | 'duplicate-order'
 * const customer = await customers.findCustomer('cus_42');
 * ```
 */
export class CustomerRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Counts `order` for its customer, once per event and once per order (see
   * {@link RecordOutcome}). Concurrent deliveries of one event wait on the inbox row's primary
   * key; concurrent orders of one customer (from different partitions) wait on the customer
   * row, and the upsert is computed from the row as committed, so none is lost.
   *
   * @throws CurrencyMismatchError (not retriable) when the customer's orders are in another
   * currency; the transaction is rolled back.
   */
  recordOrder(order: CustomerOrderInput, event: InboxEntry): Promise<RecordOutcome> {
    return this.prisma.$transaction(async (tx): Promise<RecordOutcome> => {
      const inbox = await tx.inboxEvent.createMany({ data: [event], skipDuplicates: true });
      if (inbox.count === 0) return 'duplicate-event';
      const counted = await tx.customerOrder.createMany({
        data: [
          {
            orderId: order.orderId,
            customerId: order.customer.id,
            eventId: event.eventId,
            placedAt: order.placedAt,
            totalCents: order.totals.totalCents,
            currency: order.currency,
          },
        ],
        skipDuplicates: true,
      });
      if (counted.count === 0) return 'duplicate-order';
      if ((await upsertCustomer(tx, order)) === 0) {
        throw new CurrencyMismatchError(order.customer.id, order.currency);
      }
      return 'recorded';
    });
  }

  /** One customer with their latest orders, or `null`. */
  async findCustomer(customerId: string): Promise<StoredCustomer | null> {
    const row = await this.prisma.customer.findUnique({ where: { customerId } });
    return row ? this.withOrders(row) : null;
  }

  /** The customers with this email (any case), most recently ordering first; `[]` if none. */
  async findCustomersByEmail(email: string): Promise<StoredCustomer[]> {
    const rows = await this.prisma.customer.findMany({
      where: { emailLower: emailKey(email) },
      orderBy: [{ lastOrderAt: 'desc' }, { customerId: 'asc' }],
    });
    return Promise.all(rows.map((row) => this.withOrders(row)));
  }

  /** Whether this event was handled already (its inbox row exists). */
  async wasHandled(eventId: string): Promise<boolean> {
    return (await this.prisma.inboxEvent.count({ where: { eventId } })) > 0;
  }

  private async withOrders(row: CustomerRow): Promise<StoredCustomer> {
    const orders = await this.prisma.customerOrder.findMany({
      where: { customerId: row.customerId },
      orderBy: [{ placedAt: 'desc' }, { orderId: 'desc' }],
      take: CUSTOMER_ORDERS_LIMIT,
      select: { orderId: true, placedAt: true, totalCents: true },
    });
    return {
      id: row.customerId,
      email: row.email,
      name: row.name,
      currency: row.currency,
      orderCount: row.orderCount,
      totalSpentCents: Number(row.totalSpentCents),
      firstOrderAt: row.firstOrderAt,
      lastOrderAt: row.lastOrderAt,
      orders,
    };
  }
}

type CustomerRow = NonNullable<Awaited<ReturnType<PrismaClient['customer']['findUnique']>>>;

/**
 * Creates the customer or adds the order to them, in one statement that reads the committed
 * row (`ON CONFLICT DO UPDATE` locks it), so the result does not depend on arrival order:
 * count and sum commute, first/last are LEAST/GREATEST of placedAt, and email and name are
 * taken only from an order later by (placedAt, orderId) than the one they came from — the
 * latest order wins, an older one arriving late changes neither. Returns the rows written: 0
 * when the customer exists in another currency (the `WHERE` of the update).
 */
function upsertCustomer(tx: Tx, order: CustomerOrderInput): Promise<number> {
  const { customer, placedAt, orderId, currency } = order;
  return tx.$executeRaw`
    INSERT INTO customers AS c (customer_id, email, email_lower, name, currency, order_count,
      total_spent_cents, first_order_at, last_order_at, last_order_id)
    VALUES (${customer.id}, ${customer.email}, ${emailKey(customer.email)}, ${customer.name},
      ${currency}, 1, ${order.totals.totalCents}::bigint, ${placedAt}::timestamptz,
      ${placedAt}::timestamptz, ${orderId})
    ON CONFLICT (customer_id) DO UPDATE SET
      order_count = c.order_count + 1,
      total_spent_cents = c.total_spent_cents + EXCLUDED.total_spent_cents,
      first_order_at = LEAST(c.first_order_at, EXCLUDED.first_order_at),
      last_order_at = GREATEST(c.last_order_at, EXCLUDED.last_order_at),
      last_order_id = CASE WHEN (EXCLUDED.last_order_at, EXCLUDED.last_order_id) > (c.last_order_at, c.last_order_id)
        THEN EXCLUDED.last_order_id ELSE c.last_order_id END,
      email = CASE WHEN (EXCLUDED.last_order_at, EXCLUDED.last_order_id) > (c.last_order_at, c.last_order_id)
        THEN EXCLUDED.email ELSE c.email END,
      email_lower = CASE WHEN (EXCLUDED.last_order_at, EXCLUDED.last_order_id) > (c.last_order_at, c.last_order_id)
        THEN EXCLUDED.email_lower ELSE c.email_lower END,
      name = CASE WHEN (EXCLUDED.last_order_at, EXCLUDED.last_order_id) > (c.last_order_at, c.last_order_id)
        THEN EXCLUDED.name ELSE c.name END,
      updated_at = CURRENT_TIMESTAMP
    WHERE c.currency = EXCLUDED.currency`;
}
