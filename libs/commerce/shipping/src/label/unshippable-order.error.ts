/**
 * An order the shipping service cannot make a label for, and never will: the same order fails
 * the same way on every try. `retriable: false`, so the SPS delivery runtime dead-letters the
 * record at once with the message as `sps-dlq-error-message` and the code as
 * `sps-dlq-error-code`, and the partition moves on.
 */
import { type FieldIssue } from '@shopstream/commerce-contracts';

/** Why no label can be made; stable, documented in the README. */
export type UnshippableCode =
  /** The destination country is outside the carrier's network (see SUPPORTED_COUNTRIES). */
  | 'SHIPPING_ERR_UNSUPPORTED_COUNTRY'
  /** The address has characters the label's fonts cannot print (outside Windows-1252). */
  | 'SHIPPING_ERR_UNPRINTABLE_ADDRESS';

export class UnshippableOrderError extends Error {
  override readonly name = 'UnshippableOrderError';
  readonly retriable = false;

  constructor(
    readonly code: UnshippableCode,
    readonly orderId: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}
