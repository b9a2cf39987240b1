/**
 * `order.placed` → the order booked in the stock ledger once: on-hand decremented per line,
 * backorders for what is not on hand, and a `stock.low` outbox record for each product whose
 * threshold the order crossed — all in one transaction with the inbox row
 * (StockLedgerRepository.bookOrder). The relay appends the records to `stock` after the commit.
 *
 * - a redelivered event (same `event-id`) changes nothing (`duplicate-event`);
 * - the same order under a new event id is not booked again (`duplicate-order`);
 * - a SKU the catalog does not have throws UnknownSkuError, and a record that breaks the
 *   contract throws the ContractError: both `retriable: false`, so the delivery runtime
 *   dead-letters the record at once to `orders.dlq` with the reason and the partition moves on;
 * - a database failure is retried with backoff (STOCK_RETRY); the transaction rolled back.
 */
import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { GROUPS, ORDER_PLACED_V1, parseEventRecord } from '@shopstream/commerce-contracts';
import { SpsContext } from '@shopstream/sps-nest';
import { StockDatabase } from '../database/stock-database';
import { stockLowRecord } from '../events/stock-low.event';
import { OutboxRelay } from '../outbox/outbox-relay';

@Controller()
export class OrderPlacedHandler {
  private readonly log = new Logger(OrderPlacedHandler.name);

  constructor(
    private readonly database: StockDatabase,
    private readonly relay: OutboxRelay,
  ) {}

  @EventPattern(ORDER_PLACED_V1.type)
  async onOrderPlaced(@Ctx() ctx: SpsContext): Promise<void> {
    const { eventId, traceparent, payload: order } = parseEventRecord(ORDER_PLACED_V1, ctx.message);
    const result = await this.database.ledger.bookOrder(
      { orderId: order.orderId, lines: order.items },
      {
        eventId,
        consumerGroup: ctx.group ?? GROUPS.erpStock,
        stream: ctx.stream,
        partition: ctx.partition,
        index: BigInt(ctx.index),
      },
      (crossing) => stockLowRecord(crossing, traceparent),
    );
    // Committed: publish now rather than at the next poll (not awaited: the booking is done).
    if (result.crossings.length > 0) void this.relay.kick();
    this.log.log({
      msg: `order ${order.orderId}: ${result.outcome}`,
      orderId: order.orderId,
      eventId,
      outcome: result.outcome,
      backordered: result.movements.reduce((n, m) => n + m.backordered, 0),
      stockLow: result.crossings.map((c) => c.sku),
      at: `${ctx.stream}/${ctx.partition}@${String(ctx.index)}`,
      attempt: ctx.attempt,
    });
  }
}
