import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkContract, contractErrorMap, formatFieldPath, toFieldIssues } from './field-issues';

describe('formatFieldPath', () => {
  it('writes paths as JavaScript does', () => {
    expect(formatFieldPath(['items', 0, 'quantity'])).toBe('items[0].quantity');
    expect(formatFieldPath(['headers', 'event-type'])).toBe('headers["event-type"]');
    expect(formatFieldPath([0, 'a'])).toBe('[0].a');
    expect(formatFieldPath([])).toBe('');
  });
});

describe('toFieldIssues', () => {
  const schema = z.strictObject({ a: z.strictObject({ b: z.number() }) });

  it('gives every unknown key its own issue', () => {
    const parsed = schema.safeParse({ a: { b: 1, c: 2, d: 3 }, e: 4 });
    expect(parsed.success).toBe(false);
    expect(toFieldIssues(parsed.error!)).toEqual([
      { field: 'a.c', message: 'unknown field' },
      { field: 'a.d', message: 'unknown field' },
      { field: 'e', message: 'unknown field' },
    ]);
  });

  it('puts a prefix in front of every path', () => {
    const parsed = schema.safeParse({ a: { b: 'x' } }, { error: contractErrorMap });
    expect(toFieldIssues(parsed.error!, ['value'])).toEqual([
      { field: 'value.a.b', message: 'Invalid input: expected number, received string' },
    ]);
  });
});

describe('checkContract', () => {
  it('says "is required" for a missing field', () => {
    expect(checkContract(z.object({ name: z.string() }), {})).toEqual({
      ok: false,
      issues: [{ field: 'name', message: 'is required' }],
    });
  });

  it('returns the parsed value', () => {
    expect(checkContract(z.object({ n: z.number() }), { n: 1 })).toEqual({
      ok: true,
      value: { n: 1 },
    });
  });
});
