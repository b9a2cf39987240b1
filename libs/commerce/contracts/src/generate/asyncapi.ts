/**
 * The AsyncAPI 3.0 document of the shop's streams (`docs/asyncapi.yaml`): one channel per
 * stream, one message per event contract (payload and headers from zod, key from the
 * contract), a `send` operation per producer and a `receive` operation per consumer group.
 * Payload schemas are JSON Schema draft-07, AsyncAPI's default schema format.
 */
import type { z } from 'zod';
import { GROUPS } from '../names';
import type { EventContract } from '../events/event-contract';
import { ORDER_PLACED_V1 } from '../events/order-placed.schema';
import { STOCK_LOW_V1 } from '../events/stock-low.schema';
import { type JsonSchema, ref, toComponentSchemas } from './json-schema';

const KAFKA_BINDING = '0.5.0';

/** Who reads `order.placed`, per consumer group. A group added to names.ts must be added here. */
const ORDER_CONSUMERS: Record<keyof typeof GROUPS, { service: string; does: string }> = {
  orderStore: { service: 'order-store', does: 'saves the order in its own database' },
  mailer: { service: 'mailer', does: 'emails the customer a confirmation' },
  shipping: { service: 'shipping', does: 'creates a shipping label and tracking number' },
  erpStock: { service: 'stock', does: 'decrements stock in the ERP ledger, flags low stock' },
  crm: { service: 'crm', does: 'upserts the customer and their order history' },
  promoCounter: { service: 'promo-counter', does: 'counts orders per promo code, live' },
};

/** Fixed example headers, so the document is the same on every run. */
const EXAMPLE_HEADERS = {
  'event-id': '3f0c1e9a-6a43-4c2e-9d51-0c6f1b7e2a44',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

function message(contract: EventContract<z.ZodType>, summary: string): JsonSchema {
  return {
    name: contract.type,
    title: `${contract.type} v${contract.version}`,
    summary,
    contentType: 'application/json',
    headers: ref(`${contract.name}Headers`),
    payload: ref(contract.name),
    bindings: {
      kafka: {
        key: { type: 'string', description: `The payload's ${contract.keyField}.` },
        bindingVersion: KAFKA_BINDING,
      },
    },
    examples: [
      {
        name: 'example',
        headers: {
          'event-type': contract.type,
          'event-version': contract.version,
          ...EXAMPLE_HEADERS,
        },
        payload: contract.example,
      },
    ],
  };
}

function receive(group: string, what: string, channel: string, msg: string): JsonSchema {
  return {
    action: 'receive',
    channel: { $ref: `#/channels/${channel}` },
    messages: [{ $ref: `#/channels/${channel}/messages/${msg}` }],
    summary: what,
    bindings: {
      kafka: { groupId: { type: 'string', enum: [group] }, bindingVersion: KAFKA_BINDING },
    },
  };
}

/** The shop's AsyncAPI 3.0 document, as a plain object. */
export function buildAsyncApiDocument(): JsonSchema {
  const O = ORDER_PLACED_V1;
  const S = STOCK_LOW_V1;
  const schemas = toComponentSchemas([O.schema, O.headersSchema, S.schema, S.headersSchema], {
    target: 'draft-7',
    refPrefix: '#/components/schemas/',
  });
  const operations: Record<string, JsonSchema> = {
    'order-api-sends-order-placed': {
      action: 'send',
      channel: { $ref: `#/channels/${O.stream}` },
      messages: [{ $ref: `#/channels/${O.stream}/messages/${O.name}` }],
      summary: 'order-api appends every accepted POST /orders, key = orderId.',
    },
  };
  for (const [key, { service, does }] of Object.entries(ORDER_CONSUMERS)) {
    const group = GROUPS[key as keyof typeof GROUPS];
    operations[`${group}-receives-order-placed`] = receive(
      group,
      `${service} (consumer group ${group}) ${does}.`,
      O.stream,
      O.name,
    );
  }
  operations['stock-sends-stock-low'] = {
    action: 'send',
    channel: { $ref: `#/channels/${S.stream}` },
    messages: [{ $ref: `#/channels/${S.stream}/messages/${S.name}` }],
    summary: `stock (consumer group ${GROUPS.erpStock}) appends stock.low when on hand reaches the threshold, key = sku.`,
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'shopstream events',
      version: '1.0.0',
      description:
        'The streams of the shopstream suite, their events and who reads them. Every record carries the headers event-type, event-version, event-id (deduplicate on it: delivery is at least once) and traceparent. Generated from libs/commerce/contracts by `npm run contracts:generate`; do not edit by hand.',
      license: { name: 'MIT' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The SPS engine (Kafka protocol) of the local stack, or any Kafka cluster.',
      },
    },
    channels: {
      [O.stream]: {
        address: O.stream,
        title: 'Orders',
        description: 'Every completed order, key = orderId: one order stays on one partition.',
        messages: { [O.name]: ref(O.name, '#/components/messages/') },
        bindings: { kafka: { topic: O.stream, bindingVersion: KAFKA_BINDING } },
      },
      [S.stream]: {
        address: S.stream,
        title: 'Stock',
        description: 'Stock events from the ERP ledger, key = sku.',
        messages: { [S.name]: ref(S.name, '#/components/messages/') },
        bindings: { kafka: { topic: S.stream, bindingVersion: KAFKA_BINDING } },
      },
    },
    operations,
    components: {
      messages: {
        [O.name]: message(O, 'A customer placed an order.'),
        [S.name]: message(S, 'A product reached its low-stock threshold.'),
      },
      schemas,
    },
  };
}
