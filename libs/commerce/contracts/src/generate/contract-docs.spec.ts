import { Parser } from '@asyncapi/parser';
import { validate as validateOpenApi } from '@readme/openapi-parser';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ORDER_PLACED_V1 } from '../events/order-placed.schema';
import { STOCK_LOW_V1 } from '../events/stock-low.schema';
import { createOrderRequestSchema } from '../http/create-order.schema';
import { GROUPS } from '../names';
import { buildAsyncApiDocument } from './asyncapi';
import { type ContractDoc, renderContractDocs, staleDocMessages } from './contract-docs';
import { unresolvedRefs } from './json-schema';
import { buildOpenApiDocument } from './openapi';
import { findWorkspaceRoot } from './workspace-root';

const root = findWorkspaceRoot();
const readDoc = (path: string) => {
  const file = join(root, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

let rendered: ContractDoc[];
beforeAll(async () => {
  rendered = await renderContractDocs(root);
});

describe('checked-in documents', () => {
  it('docs/openapi.json and docs/asyncapi.yaml match the schemas', () => {
    const stale = staleDocMessages(rendered, readDoc);
    if (stale.length > 0) expect.fail(stale.join('\n'));
  });

  it('the freshness check names the stale file and the command that fixes it', () => {
    const messages = staleDocMessages(rendered, (path) =>
      path === 'docs/asyncapi.yaml' ? 'asyncapi: 2.6.0\n' : readDoc(path),
    );
    expect(messages).toEqual([
      'docs/asyncapi.yaml is out of date: run npm run contracts:generate (first difference at line 1)',
    ]);
    expect(staleDocMessages(rendered, () => undefined)[0]).toContain('the file is missing');
  });

  it('the YAML and JSON files hold exactly the built documents', () => {
    const byPath = Object.fromEntries(rendered.map((d) => [d.path, d.content]));
    expect(JSON.parse(byPath['docs/openapi.json']!)).toEqual(buildOpenApiDocument());
    expect(parseYaml(byPath['docs/asyncapi.yaml']!)).toEqual(buildAsyncApiDocument());
    // A YAML 1.1 reader must see the same strings (no timestamps or booleans).
    expect(parseYaml(byPath['docs/asyncapi.yaml']!, { version: '1.1' })).toEqual(
      buildAsyncApiDocument(),
    );
  });
});

/** A generated document as its checked-in text parses: plain JSON data. */
function renderedDoc(path: string) {
  const text = rendered.find((d) => d.path === path)!.content;
  // Untyped on purpose: the tests below check the document's shape as a reader would.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return
  return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}

describe('OpenAPI document', () => {
  it('has the required top-level keys and every $ref resolves', () => {
    const doc = renderedDoc('docs/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['info', 'paths', 'components']));
    expect(unresolvedRefs(doc)).toEqual([]);
  });

  it('describes POST /orders with 202, 400, 413 and 415, plus /health and /metrics', () => {
    const doc = renderedDoc('docs/openapi.json');
    expect(Object.keys(doc.paths['/orders'].post.responses)).toEqual(
      expect.arrayContaining(['202', '400', '413', '415']),
    );
    expect(doc.paths['/health'].get).toBeDefined();
    expect(doc.paths['/metrics'].get).toBeDefined();
  });

  it('rejects unknown fields in the request body, nested objects included', () => {
    const { schemas } = renderedDoc('docs/openapi.json').components;
    for (const name of [
      'CreateOrderRequest',
      'CreateOrderLine',
      'CustomerInput',
      'ShippingAddressInput',
    ]) {
      expect(schemas[name].additionalProperties, name).toBe(false);
    }
  });

  it('its request example is a valid order', () => {
    const doc = renderedDoc('docs/openapi.json');
    const example = doc.paths['/orders'].post.requestBody.content['application/json'].example;
    expect(createOrderRequestSchema.safeParse(example).success).toBe(true);
  });

  it('passes @readme/openapi-parser validation', async () => {
    const result = await validateOpenApi(renderedDoc('docs/openapi.json'));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });
});

describe('AsyncAPI document', () => {
  it('has the required top-level keys and every $ref resolves', () => {
    const doc = renderedDoc('docs/asyncapi.yaml');
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['info', 'channels', 'operations', 'components']),
    );
    expect(unresolvedRefs(doc)).toEqual([]);
  });

  it('has a receive operation for every consumer group on orders', () => {
    const receivers: string[] = [];
    const { operations } = renderedDoc('docs/asyncapi.yaml');
    for (const name of Object.keys(operations)) {
      const { action, channel, bindings } = operations[name];
      if (action === 'receive' && channel.$ref === '#/channels/orders') {
        receivers.push(bindings.kafka.groupId.enum[0]);
      }
    }
    expect(receivers.sort()).toEqual(Object.values(GROUPS).sort());
  });

  it('its message examples are valid events', () => {
    const { messages } = renderedDoc('docs/asyncapi.yaml').components;
    for (const contract of [ORDER_PLACED_V1, STOCK_LOW_V1]) {
      const [example] = messages[contract.name].examples;
      expect(contract.schema.safeParse(example.payload).success, contract.name).toBe(true);
      expect(contract.headersSchema.safeParse(example.headers).success, contract.name).toBe(true);
    }
  });

  it('passes @asyncapi/parser validation without errors or warnings', async () => {
    const yaml = rendered.find((d) => d.path === 'docs/asyncapi.yaml')!.content;
    const { diagnostics } = await new Parser().parse(yaml);
    // Severity 0 = error, 1 = warning; information and hints (e.g. "3.1.0 exists") pass.
    const problems = diagnostics
      .filter((d) => Number(d.severity) <= 1)
      .map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(problems).toEqual([]);
  });
});
