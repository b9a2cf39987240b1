import type { FieldIssue } from './field-issues';

/**
 * Every error this library throws, by stable code. Codes are never renamed or reused; the
 * README's table is checked against this catalog by a test. None is retriable: a contract
 * violation is the same on the next try, so a consumer dead-letters the record and an API
 * answers 400.
 */
export const CONTRACT_ERROR_CATALOG = {
  COMMERCE_ERR_INVALID_EVENT: {
    description:
      'A record does not match its event contract (headers, key or value); `issues` names every wrong field.',
  },
  COMMERCE_ERR_UNKNOWN_PROMO: {
    description: 'The promo code is not one the shop knows.',
  },
  COMMERCE_ERR_PROMO_NOT_APPLICABLE: {
    description: 'The promo code exists but the order does not meet its rule (minimum subtotal).',
  },
} as const;

export type ContractErrorCode = keyof typeof CONTRACT_ERROR_CATALOG;

/**
 * A broken contract: a bad event, an unknown or inapplicable promo code. `issues` is ready for a 400 body
 * (`{ error: 'validation_failed', issues }`) or a dead-letter reason.
 *
 * @example
 * try {
 *   computeTotals(lines, body.promoCode);
 * } catch (e) {
 *   if (isContractError(e)) return reply.code(400).send(validationFailed(e.issues));
 *   throw e;
 * }
 */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  readonly code: ContractErrorCode;
  /** Always false: the same input fails the same way on every try. */
  readonly retriable = false;
  readonly issues: readonly FieldIssue[];

  constructor(
    code: ContractErrorCode,
    issues: readonly FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super(describeIssues(issues), options);
    this.code = code;
    this.issues = issues;
  }
}

/**
 * True for any ContractError, also one from another copy of this library: it checks the
 * shape, not the prototype chain (as `isSpsError` does).
 */
export function isContractError(error: unknown): error is ContractError {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Partial<ContractError>;
  return (
    e.name === 'ContractError' &&
    typeof e.code === 'string' &&
    e.code in CONTRACT_ERROR_CATALOG &&
    Array.isArray(e.issues)
  );
}

/** `field: message; field: message`, the message of a ContractError. */
function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.field === '' ? i.message : `${i.field}: ${i.message}`)).join('; ');
}
