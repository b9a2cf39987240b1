/**
 * The order API's own Prometheus metrics, on the service's registry (`GET /metrics`):
 *
 * - `orders_placed_total{promo}`: orders appended, by promo code (`none` without one; the
 *   codes are the shop's five, so the label stays small);
 * - `order_append_duration_seconds{outcome}`: how long the durable append took (`ok`) or how
 *   long it ran before it failed (`error`): the producer's send until the broker acknowledged.
 */
import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsService } from '@shopstream/service-kit';

@Injectable()
export class OrderMetrics {
  readonly placed: Counter<'promo'>;
  readonly appendDuration: Histogram<'outcome'>;

  constructor(metrics: MetricsService) {
    this.placed = new Counter({
      name: 'orders_placed_total',
      help: 'Orders appended to the orders stream, by promo code',
      labelNames: ['promo'],
      registers: [metrics.registry],
    });
    this.appendDuration = new Histogram({
      name: 'order_append_duration_seconds',
      help: 'Time to append order.placed durably (until the broker acknowledged), by outcome',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    });
  }
}
