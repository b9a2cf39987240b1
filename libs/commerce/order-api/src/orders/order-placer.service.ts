/**
 * Turns a priced order into `order.placed` v1 and appends it to `orders`, durably: the
 * producer's `send` resolves once the backend acknowledged the record as stored (the embedded
 * engine after its fsync policy; Kafka with acks=-1, the broker after its fsync), and only
 * then does the API answer 202 with where the record landed.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ORDER_PLACED_V1,
  type OrderAccepted,
  type OrderPlacedV1,
  STREAMS,
  encodeEventRecord,
} from '@shopstream/commerce-contracts';
import { SpsClient, type SpsProducer } from '@shopstream/sps-client';
import { withTimeout } from '@shopstream/commerce-service-config';
import { type OrderIds } from './order-ids';
import { OrderMetrics } from './order-metrics';
import { type PricedOrder } from './order-request';

/** Options of the order API module. */
export interface OrderApiOptions {
  /**
   * How long a request waits for the append before it answers 503. The append itself is not
   * cancelled and may still succeed: a client retries with the same `Idempotency-Key`.
   * @default 10000
   */
  appendTimeoutMs?: number;
}

export const ORDER_API_OPTIONS = Symbol('ORDER_API_OPTIONS');

/** The stream could not take the order in time; nothing was confirmed. */
export class StreamUnavailableError extends Error {
  override readonly name = 'StreamUnavailableError';
  readonly retriable = true;
}

@Injectable()
export class OrderPlacer implements OnModuleDestroy {
  private readonly log = new Logger(OrderPlacer.name);
  private readonly producer: SpsProducer;
  private readonly appendTimeoutMs: number;

  constructor(
    @Inject(SpsClient) client: SpsClient,
    private readonly metrics: OrderMetrics,
    @Inject(ORDER_API_OPTIONS) options: OrderApiOptions,
  ) {
    // Idempotent (the default): a send the producer retries inside its session is stored once.
    this.producer = client.producer();
    this.appendTimeoutMs = options.appendTimeoutMs ?? 10_000;
  }

  /**
   * Appends the order and says where it landed.
   *
   * @throws StreamUnavailableError when the stream did not acknowledge in time.
   */
  async place(order: PricedOrder, ids: OrderIds, traceparent?: string): Promise<OrderAccepted> {
    const { request, items, totals } = order;
    const event: OrderPlacedV1 = {
      orderId: ids.orderId,
      placedAt: new Date().toISOString(),
      customer: request.customer,
      items,
      ...(request.promoCode === undefined ? {} : { promoCode: request.promoCode }),
      shippingAddress: request.shippingAddress,
      totals,
      currency: request.currency,
    };
    // Validates the event against its contract too: a bug here is a 500, never a bad record.
    const record = encodeEventRecord(ORDER_PLACED_V1, event, {
      ...(ids.eventId === undefined ? {} : { eventId: ids.eventId }),
      ...(traceparent === undefined ? {} : { traceparent }),
    });
    const stopTimer = this.metrics.appendDuration.startTimer();
    let placed;
    try {
      [placed] = await withTimeout(
        this.producer.send(STREAMS.orders, record),
        this.appendTimeoutMs,
        `stream "${STREAMS.orders}"`,
      );
    } catch (error) {
      stopTimer({ outcome: 'error' });
      this.log.warn(`order ${ids.orderId} not appended: ${String(error)}`);
      throw new StreamUnavailableError(
        `the order could not be appended to "${STREAMS.orders}"; retry with the same Idempotency-Key`,
        { cause: error },
      );
    }
    stopTimer({ outcome: 'ok' });
    if (placed === undefined) throw new Error('the producer acknowledged no record');
    this.metrics.placed.inc({ promo: event.promoCode ?? 'none' });
    const accepted = {
      orderId: ids.orderId,
      stream: placed.stream,
      partition: placed.partition,
      index: Number(placed.index),
    };
    this.log.log({ msg: 'order placed', ...accepted, totalCents: totals.totalCents });
    return accepted;
  }

  async onModuleDestroy(): Promise<void> {
    await this.producer.close();
  }
}
