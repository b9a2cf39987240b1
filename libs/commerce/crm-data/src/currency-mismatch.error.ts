/**
 * An order in another currency than the customer's earlier orders. The crm keeps one lifetime
 * value per customer (the contracts' `CustomerRecord` has one `currency`), and cents of two
 * currencies do not add up. Not retriable: the same event would fail the same way, so the
 * delivery runtime dead-letters it at once with this message as the reason.
 */
export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
  readonly code = 'CRM_ERR_CURRENCY_MISMATCH';
  readonly retriable = false;

  constructor(
    readonly customerId: string,
    readonly orderCurrency: string,
  ) {
    super(
      `currency: customer "${customerId}" has orders in another currency than ${orderCurrency}; the crm sums one currency per customer`,
    );
  }
}
