import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toComponentSchemas, unresolvedRefs } from './json-schema';

describe('toComponentSchemas', () => {
  it('moves named sub-schemas to components and points $refs at them', () => {
    const inner = z.object({ n: z.number() }).meta({ id: 'TestInner' });
    const outer = z.object({ a: inner, b: inner.optional() }).meta({ id: 'TestOuter' });
    const schemas = toComponentSchemas([outer], { target: 'draft-2020-12', refPrefix: '#/c/' });
    expect(Object.keys(schemas).sort()).toEqual(['TestInner', 'TestOuter']);
    expect(schemas.TestOuter).toMatchObject({ properties: { a: { $ref: '#/c/TestInner' } } });
  });

  it('refuses two different schemas with one id instead of overwriting one', () => {
    const a = z.object({ x: z.string() }).meta({ id: 'TestClash' });
    const b = z.object({ y: z.string() }).meta({ id: 'TestClash' });
    expect(() =>
      toComponentSchemas([a, b], { target: 'draft-7', refPrefix: '#/components/schemas/' }),
    ).toThrow('two different schemas have the id "TestClash"');
  });

  it('refuses a root without an id', () => {
    expect(() =>
      toComponentSchemas([z.string()], { target: 'draft-7', refPrefix: '#/components/schemas/' }),
    ).toThrow(/needs \.meta\(\{ id \}\)/);
  });
});

describe('unresolvedRefs', () => {
  it('finds every $ref that points nowhere, with JSON Pointer escapes', () => {
    const doc = {
      components: { schemas: { A: { type: 'string' }, 'a/b': {} } },
      paths: {
        ok: { $ref: '#/components/schemas/A' },
        escaped: { $ref: '#/components/schemas/a~1b' },
        broken: [{ $ref: '#/components/schemas/B' }],
        external: { $ref: 'other.yaml#/A' },
      },
    };
    expect(unresolvedRefs(doc)).toEqual([
      '#/paths/broken/0 -> #/components/schemas/B',
      '#/paths/external -> other.yaml#/A',
    ]);
  });
});
