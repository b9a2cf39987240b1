/**
 * `order.placed` → the order and its items in the order-store database, exactly once per
 * order: the repository writes the inbox row (event id) and the order in one transaction.
 *
 * - a redelivered event (same `event-id`: a consumer that crashed before its commit, a
 *   producer retry, an `Idempotency-Key` retry) changes nothing (`duplicate-event`);
 * - the same order under a new event id keeps its first version (`duplicate-order`);
 * - a record that breaks the contract throws the `ContractError` (`retriable: false`), so the
 *   delivery runtime dead-letters it at once with the fields as the reason, and the partition
 *   moves on;
 * - a database failure throws whatever Prisma throws: retried with backoff (see
 *   ORDER_STORE_RETRY), the transaction rolled back, so the retry starts clean.
 */
import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  GROUPS,
  ORDER_PLACED_V1,
  type OrderPlacedV1,
  parseEventRecord,
} from '@shopstream/commerce-contracts';
import { type NewOrder } from '@shopstream/order-store-data';
import { SpsContext } from '@shopstream/sps-nest';
import { OrderStoreDatabase } from '../database/order-store-database';

export function toNewOrder(order: OrderPlacedV1): NewOrder {
  return { ...order, placedAt: new Date(order.placedAt) };
}

@Controller()
export class OrderPlacedHandler {
  private readonly log = new Logger(OrderPlacedHandler.name);

  constructor(private readonly database: OrderStoreDatabase) {}

  @EventPattern(ORDER_PLACED_V1.type)
  async onOrderPlaced(@Ctx() ctx: SpsContext): Promise<void> {
    // The whole record (headers, key, value), not only the JSON payload: the contract covers
    // the envelope too, and the event id is in a header.
    const { eventId, payload } = parseEventRecord(ORDER_PLACED_V1, ctx.message);
    const outcome = await this.database.repository.saveOrderWithInbox(toNewOrder(payload), {
      eventId,
      consumerGroup: ctx.group ?? GROUPS.orderStore,
      stream: ctx.stream,
      partition: ctx.partition,
      index: BigInt(ctx.index),
    });
    this.log.log({
      msg: `order ${payload.orderId}: ${outcome}`,
      orderId: payload.orderId,
      eventId,
      outcome,
      at: `${ctx.stream}/${ctx.partition}@${String(ctx.index)}`,
      attempt: ctx.attempt,
    });
  }
}
