// Data access of the order-store service. Idempotency rule: the inbox row and the order are
// written in ONE transaction, so an event is either fully handled (and never handled again)
// or not at all (and its redelivery handles it).
import { type Prisma, type PrismaClient } from './generated/prisma/client';
import {
  type InboxEntry,
  type NewOrder,
  type SaveOutcome,
  type StoredOrder,
} from './order-store.types';

const withItems = { items: { orderBy: { lineNo: 'asc' } } } satisfies Prisma.OrderInclude;
type OrderRow = Prisma.OrderGetPayload<{ include: typeof withItems }>;

function toStoredOrder(row: OrderRow): StoredOrder {
  return {
    orderId: row.orderId,
    eventId: row.eventId,
    placedAt: row.placedAt,
    customer: { id: row.customerId, email: row.customerEmail, name: row.customerName },
    items: row.items.map(({ sku, name, quantity, unitPriceCents }) => ({
      sku,
      name,
      quantity,
      unitPriceCents,
    })),
    promoCode: row.promoCode,
    shippingAddress: {
      name: row.shippingName,
      line1: row.shippingLine1,
      line2: row.shippingLine2,
      city: row.shippingCity,
      postalCode: row.shippingPostalCode,
      country: row.shippingCountry,
    },
    totals: {
      subtotalCents: row.subtotalCents,
      discountCents: row.discountCents,
      totalCents: row.totalCents,
    },
    currency: row.currency,
    createdAt: row.createdAt,
  };
}

function toOrderRow(order: NewOrder, eventId: string): Prisma.OrderCreateManyInput {
  const { customer, shippingAddress: address, totals } = order;
  return {
    orderId: order.orderId,
    eventId,
    customerId: customer.id,
    customerEmail: customer.email,
    customerName: customer.name,
    placedAt: order.placedAt,
    currency: order.currency,
    subtotalCents: totals.subtotalCents,
    discountCents: totals.discountCents,
    totalCents: totals.totalCents,
    promoCode: order.promoCode ?? null,
    shippingName: address.name,
    shippingLine1: address.line1,
    shippingLine2: address.line2 ?? null,
    shippingCity: address.city,
    shippingPostalCode: address.postalCode,
    shippingCountry: address.country,
  };
}

/**
 * Orders of the order-store database.
 *
 * @example
 * ```ts
 * const repository = new OrderStoreRepository(createOrderStorePrismaClient(url));
 * const outcome = await repository.saveOrderWithInbox(order, {
 *   eventId, consumerGroup: 'order-store', stream: 'orders', partition, index,
 * });
 * ```
 */
export class OrderStoreRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Stores the order and the event's inbox row in one transaction; see {@link SaveOutcome}.
   * Concurrent deliveries of one event are safe: the second waits for the first's inbox row
   * and then finds it (`ON CONFLICT DO NOTHING`).
   */
  saveOrderWithInbox(order: NewOrder, event: InboxEntry): Promise<SaveOutcome> {
    return this.prisma.$transaction(async (tx): Promise<SaveOutcome> => {
      const inbox = await tx.inboxEvent.createMany({ data: [event], skipDuplicates: true });
      if (inbox.count === 0) return 'duplicate-event';
      const created = await tx.order.createMany({
        data: [toOrderRow(order, event.eventId)],
        skipDuplicates: true,
      });
      if (created.count === 0) return 'duplicate-order';
      await tx.orderItem.createMany({
        data: order.items.map((item, i) => ({ ...item, orderId: order.orderId, lineNo: i + 1 })),
      });
      return 'saved';
    });
  }

  /** One order with its items in their original order, or `null`. */
  async findOrder(orderId: string): Promise<StoredOrder | null> {
    const row = await this.prisma.order.findUnique({ where: { orderId }, include: withItems });
    return row ? toStoredOrder(row) : null;
  }

  /** A customer's orders, newest first. */
  async findOrdersByCustomer(customerId: string): Promise<StoredOrder[]> {
    const rows = await this.prisma.order.findMany({
      where: { customerId },
      include: withItems,
      orderBy: [{ placedAt: 'desc' }, { orderId: 'asc' }],
    });
    return rows.map(toStoredOrder);
  }

  /** Whether this event was handled already (its inbox row exists). */
  async wasHandled(eventId: string): Promise<boolean> {
    return (await this.prisma.inboxEvent.count({ where: { eventId } })) > 0;
  }
}
