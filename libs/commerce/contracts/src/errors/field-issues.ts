import type { z } from 'zod';

/**
 * One wrong field, as a 400 response and a dead-letter reason report it. `field` is a path in
 * JavaScript notation (`items[0].quantity`, `headers["event-type"]`); it is `''` when the
 * value as a whole is wrong (a body that is not a JSON object).
 */
export interface FieldIssue {
  field: string;
  message: string;
}

/** The outcome of checking input against a contract: the typed value, or every wrong field. */
export type ContractResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats a zod issue path the way a developer writes it in JavaScript.
 *
 * @example
 * formatFieldPath(['items', 0, 'quantity']); // 'items[0].quantity'
 * formatFieldPath(['headers', 'event-type']); // 'headers["event-type"]'
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/**
 * Turns a zod error into one `{ field, message }` per wrong field, in input order. An unknown
 * key becomes its own entry (`customer.nickname: unknown field`) instead of zod's single
 * "Unrecognized keys" issue on the parent, so a 400 names every field the client must fix.
 * `prefix` is put in front of every path (`['headers']` for record headers).
 *
 * @example
 * const parsed = createOrderRequestSchema.safeParse(body, { error: contractErrorMap });
 * if (!parsed.success) return { error: 'validation_failed', issues: toFieldIssues(parsed.error) };
 */
export function toFieldIssues(
  error: z.ZodError,
  prefix: readonly PropertyKey[] = [],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ field: formatFieldPath([...path, key]), message: 'unknown field' });
      }
    } else {
      issues.push({ field: formatFieldPath(path), message: issue.message });
    }
  }
  return issues;
}

/**
 * Per-parse error map: a missing field reads "is required" rather than zod's "Invalid input:
 * expected string, received undefined". Schema-level messages (ours) still win over it.
 *
 * @example
 * schema.safeParse(input, { error: contractErrorMap });
 */
export const contractErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;

/**
 * Parses `input` with `schema` and reports every wrong field.
 *
 * @example
 * const result = checkContract(createOrderRequestSchema, body);
 * if (!result.ok) return reply.code(400).send(validationFailed(result.issues));
 */
export function checkContract<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ContractResult<z.output<S>> {
  const parsed = schema.safeParse(input, { error: contractErrorMap });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: toFieldIssues(parsed.error) };
}
