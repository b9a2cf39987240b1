/**
 * The OpenAPI 3.1 document of the order API (`docs/openapi.json`), built from the zod
 * schemas: `POST /orders`, `GET /health`, `GET /metrics`. OpenAPI 3.1 schemas are JSON Schema
 * 2020-12, which `z.toJSONSchema` writes directly.
 */
import { ORDER_PLACED_V1 } from '../events/order-placed.schema';
import {
  MAX_ORDER_BODY_BYTES,
  createOrderExample,
  createOrderRequestSchema,
} from '../http/create-order.schema';
import {
  healthSchema,
  orderAcceptedSchema,
  payloadTooLarge,
  payloadTooLargeSchema,
  serviceUnavailableSchema,
  unsupportedMediaTypeSchema,
  validationFailedSchema,
} from '../http/order-api-responses.schema';
import { type JsonSchema, ref, toComponentSchemas } from './json-schema';

const GENERATED =
  'Generated from libs/commerce/contracts by `npm run contracts:generate`; do not edit by hand.';

function json(description: string, schema: JsonSchema, example?: unknown): JsonSchema {
  const media: JsonSchema = { schema };
  if (example !== undefined) media.example = example;
  return { description, content: { 'application/json': media } };
}

/** The order API's OpenAPI 3.1 document, as a plain object. */
export function buildOpenApiDocument(): JsonSchema {
  const schemas = toComponentSchemas(
    [
      createOrderRequestSchema,
      orderAcceptedSchema,
      validationFailedSchema,
      payloadTooLargeSchema,
      unsupportedMediaTypeSchema,
      serviceUnavailableSchema,
      healthSchema,
    ],
    { target: 'draft-2020-12', refPrefix: '#/components/schemas/' },
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'shopstream order API',
      version: '1.0.0',
      description: `Takes orders and appends each one as \`${ORDER_PLACED_V1.type}\` v${ORDER_PLACED_V1.version} to the stream \`${ORDER_PLACED_V1.stream}\` (see asyncapi.yaml). ${GENERATED}`,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'Local stack (npm start)' }],
    paths: {
      '/orders': {
        post: {
          operationId: 'createOrder',
          summary: 'Place an order',
          description:
            'Validates the body, prices the lines from the catalog, applies the promo code and appends order.placed (key = orderId). 202 means the event is durably on the stream; the services process it asynchronously.',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'Any string up to 255 characters. Requests from one customer with the same key get the same order id and event id (derived from them, so also after a restart); consumers deduplicate the event by its id.',
              schema: { type: 'string', maxLength: 255 },
            },
            {
              name: 'traceparent',
              in: 'header',
              required: false,
              description: 'W3C Trace Context; the order.placed event continues this trace.',
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: ref('CreateOrderRequest'),
                example: createOrderExample,
              },
            },
          },
          responses: {
            '202': json('Accepted: order.placed was appended.', ref('OrderAccepted'), {
              orderId: 'ord_01JQ7ZK3V9',
              stream: ORDER_PLACED_V1.stream,
              partition: 2,
              index: 41,
            }),
            '400': json(
              'The body breaks the contract, names an unknown SKU, or uses a promo code that is unknown or does not apply; every wrong field is listed.',
              ref('ValidationFailed'),
              {
                error: 'validation_failed',
                issues: [
                  { field: 'items[0].quantity', message: 'must be a positive integer' },
                  { field: 'customer.nickname', message: 'unknown field' },
                ],
              },
            ),
            '413': json(
              `The body is larger than ${MAX_ORDER_BODY_BYTES} bytes.`,
              ref('PayloadTooLarge'),
              payloadTooLarge(MAX_ORDER_BODY_BYTES),
            ),
            '415': json('The body is not application/json.', ref('UnsupportedMediaType')),
            '503': json(
              'The append was not acknowledged; retry with the same Idempotency-Key.',
              ref('ServiceUnavailable'),
            ),
          },
        },
      },
      '/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Health of the service and its stream connection',
          responses: {
            '200': json('Every dependency is up.', ref('Health')),
            '503': json('A dependency is down (named under error).', ref('Health')),
          },
        },
      },
      '/metrics': {
        get: {
          operationId: 'getMetrics',
          summary: 'Prometheus metrics',
          responses: {
            '200': {
              description: 'Metrics in the Prometheus text exposition format 0.0.4.',
              content: { 'text/plain; version=0.0.4': { schema: { type: 'string' } } },
            },
          },
        },
      },
    },
    components: { schemas },
  };
}
