/**
 * `order.placed` → one shipping label per order: the destination checked, the tracking number
 * derived from the order id, and the shipment with its PDF written in one transaction with the
 * inbox row (ShipmentRepository.createLabelOnce).
 *
 * - a redelivered event (same `event-id`) changes nothing and renders nothing;
 * - the same order under a new event id keeps its first label (`duplicate-order`);
 * - an address no label can be made for (a country outside the network, characters the label
 *   cannot print) throws UnshippableOrderError, and a record that breaks the contract throws
 *   the ContractError: both `retriable: false`, so the delivery runtime dead-letters the record
 *   at once to `orders.dlq` with the reason, and the partition moves on;
 * - a database failure is retried with backoff (SHIPPING_RETRY); the transaction rolled back,
 *   so the retry starts clean.
 */
import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { GROUPS, ORDER_PLACED_V1, parseEventRecord } from '@shopstream/commerce-contracts';
import { SpsContext } from '@shopstream/sps-nest';
import { ShippingDatabase } from '../database/shipping-database';
import { type LabelOptions, prepareLabel } from '../label/shipping-label';

export const LABEL_OPTIONS = Symbol('LABEL_OPTIONS');

@Controller()
export class OrderPlacedHandler {
  private readonly log = new Logger(OrderPlacedHandler.name);

  constructor(
    private readonly database: ShippingDatabase,
    @Inject(LABEL_OPTIONS) private readonly labelOptions: LabelOptions,
  ) {}

  @EventPattern(ORDER_PLACED_V1.type)
  async onOrderPlaced(@Ctx() ctx: SpsContext): Promise<void> {
    const { eventId, payload: order } = parseEventRecord(ORDER_PLACED_V1, ctx.message);
    const { shipment, render } = prepareLabel(order, this.labelOptions);
    const outcome = await this.database.shipments.createLabelOnce(
      shipment,
      {
        eventId,
        consumerGroup: ctx.group ?? GROUPS.shipping,
        stream: ctx.stream,
        partition: ctx.partition,
        index: BigInt(ctx.index),
      },
      render,
    );
    this.log.log({
      msg: `label for ${order.orderId}: ${outcome}`,
      orderId: order.orderId,
      trackingNumber: shipment.trackingNumber,
      eventId,
      outcome,
      at: `${ctx.stream}/${ctx.partition}@${String(ctx.index)}`,
      attempt: ctx.attempt,
    });
  }
}
