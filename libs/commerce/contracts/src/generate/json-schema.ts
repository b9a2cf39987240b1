/**
 * zod schemas to the `components/schemas` of an OpenAPI or AsyncAPI document. `z.toJSONSchema`
 * writes one self-contained schema per root, with every schema that has a meta `id` moved to
 * `$defs` (or `definitions` in draft-07); here the defs of all roots are merged into one map
 * and each `$ref` is pointed at its component. Two different schemas with one id are an error,
 * not a silent overwrite.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export interface ComponentOptions {
  /**
   * `draft-2020-12` for OpenAPI 3.1; `draft-7` for AsyncAPI 3.0, whose default schema format
   * is a superset of draft-07.
   */
  target: 'draft-2020-12' | 'draft-7';
  /** Where components live, e.g. `#/components/schemas/`. */
  refPrefix: string;
}

/**
 * The named schemas reachable from `roots`, keyed by meta `id`. Every root must have an id.
 * Schemas are written in `input` mode: what a sender may send. Strict objects (request bodies)
 * get `additionalProperties: false`; plain objects (events, responses) stay open, so fields
 * can be added without breaking readers.
 */
export function toComponentSchemas(
  roots: readonly z.ZodType[],
  options: ComponentOptions,
): Record<string, JsonSchema> {
  const components: Record<string, JsonSchema> = {};
  for (const root of roots) {
    const id = z.globalRegistry.get(root)?.id;
    if (typeof id !== 'string') throw new Error('every document root schema needs .meta({ id })');
    const out = z.toJSONSchema(root, { target: options.target, io: 'input' }) as JsonSchema;
    const defs = (out.$defs ?? out.definitions ?? {}) as Record<string, JsonSchema>;
    for (const [name, schema] of Object.entries(defs)) {
      const rewritten = rewriteRefs(schema, options.refPrefix) as JsonSchema;
      const existing = components[name];
      if (existing !== undefined && !isDeepStrictEqual(existing, rewritten)) {
        throw new Error(`two different schemas have the id "${name}"`);
      }
      components[name] = rewritten;
    }
  }
  return components;
}

/** A `$ref` to the component `name`. */
export function ref(name: string, prefix = '#/components/schemas/'): { $ref: string } {
  return { $ref: `${prefix}${name}` };
}

const LOCAL_DEF = /^#\/(?:\$defs|definitions)\/(.+)$/;

function rewriteRefs(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, prefix));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const local = key === '$ref' && typeof v === 'string' ? LOCAL_DEF.exec(v) : null;
    out[key] = local ? `${prefix}${local[1]}` : rewriteRefs(v, prefix);
  }
  return out;
}

/**
 * Every `$ref` in `doc` that does not resolve inside `doc` (JSON Pointer, `~0`/`~1` escapes),
 * as `<where> -> <ref>`. The docs test requires none.
 */
export function unresolvedRefs(doc: unknown): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}/${i}`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (key === '$ref' && typeof v === 'string' && resolvePointer(doc, v) === undefined) {
          problems.push(`${where} -> ${v}`);
        }
        walk(v, `${where}/${key}`);
      }
    }
  };
  walk(doc, '#');
  return problems;
}

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined; // only local references are allowed here
  let node: unknown = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
