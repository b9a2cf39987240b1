/**
 * `POST /orders`: validate (every wrong field in one 400), price, append `order.placed`, and
 * answer 202 `{ orderId, stream, partition, index }` once the record is durable. 415 for a body
 * that is not JSON, 503 when the stream cannot take it. 413 and malformed JSON are answered by
 * {@link ContractErrorBodiesFilter} (Fastify rejects those before this handler runs).
 */
import { Body, Controller, Headers, HttpCode, HttpException, Post } from '@nestjs/common';
import {
  type FieldIssue,
  type OrderAccepted,
  type ServiceUnavailable,
  type UnsupportedMediaType,
  validationFailed,
} from '@shopstream/commerce-contracts';
import { IDEMPOTENCY_KEY_PATTERN, idsForIdempotencyKey, newOrderId } from './order-ids';
import { OrderPlacer, StreamUnavailableError } from './order-placer.service';
import { validateOrderRequest } from './order-request';

/** `application/json` or a `+json` type, any parameters (`; charset=utf-8`). */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

export const UNSUPPORTED_MEDIA_TYPE: UnsupportedMediaType = {
  error: 'unsupported_media_type',
  message: 'the body must be application/json',
};

@Controller('orders')
export class OrdersController {
  constructor(private readonly placer: OrderPlacer) {}

  @Post()
  @HttpCode(202)
  async create(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('traceparent') traceparent: string | undefined,
  ): Promise<OrderAccepted> {
    if (contentType === undefined || !JSON_MEDIA_TYPE.test(contentType)) {
      throw new HttpException(UNSUPPORTED_MEDIA_TYPE, 415);
    }
    const result = validateOrderRequest(body);
    const issues: FieldIssue[] = result.ok ? [] : [...result.issues];
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      issues.push({
        field: 'headers["idempotency-key"]',
        message: 'must be 1 to 200 visible ASCII characters',
      });
    }
    if (!result.ok || issues.length > 0) throw new HttpException(validationFailed(issues), 400);

    const order = result.value;
    const ids =
      idempotencyKey === undefined
        ? { orderId: newOrderId() }
        : idsForIdempotencyKey(order.request.customer.id, idempotencyKey);
    try {
      return await this.placer.place(order, ids, traceparent);
    } catch (error) {
      if (!(error instanceof StreamUnavailableError)) throw error;
      const unavailable: ServiceUnavailable = { error: 'unavailable', message: error.message };
      throw new HttpException(unavailable, 503);
    }
  }
}
