/**
 * What the order API answers. Error bodies share one shape, `{ error: <snake_case code>, ... }`,
 * so a client switches on `error` and shows `issues` or `message`.
 */
import { z } from 'zod';
import { orderIdSchema } from '../common/primitives.schema';
import type { FieldIssue } from '../errors/field-issues';

/** 202: the order is on the stream (durably appended), not yet processed by any service. */
export const orderAcceptedSchema = z
  .object({
    orderId: orderIdSchema,
    stream: z.string().describe('The stream the order.placed event was appended to: orders.'),
    partition: z.number().int().nonnegative().describe('Its partition.'),
    index: z.number().int().nonnegative().describe('Its index (Kafka: offset) in that partition.'),
  })
  .meta({ id: 'OrderAccepted', description: 'The order was appended as order.placed.' });

export const fieldIssueSchema = z
  .object({
    field: z.string().describe('Path of the wrong field, e.g. items[0].quantity; "" = the body.'),
    message: z.string(),
  })
  .meta({ id: 'FieldIssue', description: 'One wrong field and what is wrong with it.' });

/** 400: the body breaks the contract; `issues` names every wrong field. */
export const validationFailedSchema = z
  .object({ error: z.literal('validation_failed'), issues: z.array(fieldIssueSchema).min(1) })
  .meta({ id: 'ValidationFailed', description: 'The request body is invalid.' });

/** 413: the body is larger than `MAX_ORDER_BODY_BYTES`. */
export const payloadTooLargeSchema = z
  .object({
    error: z.literal('payload_too_large'),
    message: z.string(),
    limitBytes: z.number().int().positive(),
  })
  .meta({ id: 'PayloadTooLarge', description: 'The request body is larger than the limit.' });

/** 415: the body is not `application/json`. */
export const unsupportedMediaTypeSchema = z
  .object({ error: z.literal('unsupported_media_type'), message: z.string() })
  .meta({ id: 'UnsupportedMediaType', description: 'The body must be application/json.' });

/**
 * 503: the append was not acknowledged (the stream is unreachable or timed out). The order may
 * or may not be on the stream: retry with the same `Idempotency-Key` to get the same order id.
 */
export const serviceUnavailableSchema = z
  .object({ error: z.literal('unavailable'), message: z.string() })
  .meta({
    id: 'ServiceUnavailable',
    description:
      'The append was not acknowledged; retry with the same Idempotency-Key (same order id, deduplicated by consumers).',
  });

const healthCheckEntrySchema = z.record(z.string(), z.unknown());

/** `GET /health` of every service (Terminus): `ok` with 200, `error` with 503, per dependency. */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'error', 'shutting_down']),
    info: z.record(z.string(), healthCheckEntrySchema).optional(),
    error: z.record(z.string(), healthCheckEntrySchema).optional(),
    details: z.record(z.string(), healthCheckEntrySchema),
  })
  .meta({
    id: 'Health',
    description: 'Each dependency (stream, database) with status up or down; 503 when one is down.',
  });

export type OrderAccepted = z.infer<typeof orderAcceptedSchema>;
export type ValidationFailed = z.infer<typeof validationFailedSchema>;
export type PayloadTooLarge = z.infer<typeof payloadTooLargeSchema>;
export type UnsupportedMediaType = z.infer<typeof unsupportedMediaTypeSchema>;
export type ServiceUnavailable = z.infer<typeof serviceUnavailableSchema>;
export type Health = z.infer<typeof healthSchema>;

/**
 * The 400 body for `issues`.
 *
 * @example
 * reply.code(400).send(validationFailed([{ field: 'items[0].quantity', message: 'must be a positive integer' }]));
 */
export function validationFailed(issues: readonly FieldIssue[]): ValidationFailed {
  return { error: 'validation_failed', issues: [...issues] };
}

/**
 * The 413 body.
 *
 * @example
 * reply.code(413).send(payloadTooLarge(MAX_ORDER_BODY_BYTES));
 */
export function payloadTooLarge(limitBytes: number): PayloadTooLarge {
  return {
    error: 'payload_too_large',
    message: `the request body is larger than ${limitBytes} bytes`,
    limitBytes,
  };
}
