/**
 * `order.placed` → the customer in the crm database, once per event and once per order: the
 * repository writes the inbox row (event id), the order row and the customer upsert in one
 * transaction.
 *
 * - a redelivered event (same `event-id`) changes nothing (`duplicate-event`);
 * - the same order under a new event id is not counted again (`duplicate-order`);
 * - events may arrive out of order (orders of one customer have different keys, so they sit on
 *   different partitions): the aggregates do not depend on arrival order (see
 *   CustomerRepository), and email and name come from the latest order by placedAt;
 * - a record that breaks the contract throws the `ContractError`, an order in another currency
 *   than the customer's the `CurrencyMismatchError` (both `retriable: false`): dead-lettered at
 *   once with the reason, and the partition moves on;
 * - a database failure throws whatever Prisma throws: retried with backoff (see CRM_RETRY).
 */
import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  GROUPS,
  ORDER_PLACED_V1,
  type OrderPlacedV1,
  parseEventRecord,
} from '@shopstream/commerce-contracts';
import { type CustomerOrderInput } from '@shopstream/crm-data';
import { SpsContext } from '@shopstream/sps-nest';
import { CrmDatabase } from '../database/crm-database';

/** What the crm keeps of an order. */
export function toCustomerOrder(order: OrderPlacedV1): CustomerOrderInput {
  return {
    orderId: order.orderId,
    placedAt: new Date(order.placedAt),
    customer: order.customer,
    totals: { totalCents: order.totals.totalCents },
    currency: order.currency,
  };
}

@Controller()
export class OrderPlacedHandler {
  private readonly log = new Logger(OrderPlacedHandler.name);

  constructor(private readonly database: CrmDatabase) {}

  @EventPattern(ORDER_PLACED_V1.type)
  async onOrderPlaced(@Ctx() ctx: SpsContext): Promise<void> {
    // The whole record (headers, key, value): the contract covers the envelope too, and the
    // event id is in a header.
    const { eventId, payload } = parseEventRecord(ORDER_PLACED_V1, ctx.message);
    const outcome = await this.database.customers.recordOrder(toCustomerOrder(payload), {
      eventId,
      consumerGroup: ctx.group ?? GROUPS.crm,
      stream: ctx.stream,
      partition: ctx.partition,
      index: BigInt(ctx.index),
    });
    this.log.log({
      msg: `order ${payload.orderId} of ${payload.customer.id}: ${outcome}`,
      orderId: payload.orderId,
      customerId: payload.customer.id,
      eventId,
      outcome,
      at: `${ctx.stream}/${ctx.partition}@${String(ctx.index)}`,
      attempt: ctx.attempt,
    });
  }
}
