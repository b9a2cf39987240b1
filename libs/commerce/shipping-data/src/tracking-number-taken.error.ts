/**
 * Two different orders derived the same tracking number (the number is a hash of the order
 * id: with 16 digits, the chance that any two of a million orders collide is about 1 in
 * 20,000).
 * Not retriable: the next try derives the same number, so the event is dead-lettered with this
 * reason and an operator decides; the other order's label is never shared or overwritten.
 */
export class TrackingNumberTakenError extends Error {
  override readonly name = 'TrackingNumberTakenError';
  readonly code = 'SHIPPING_ERR_TRACKING_NUMBER_TAKEN';
  readonly retriable = false;

  constructor(
    readonly orderId: string,
    readonly trackingNumber: string,
  ) {
    super(`tracking number ${trackingNumber} of order ${orderId} belongs to another order`);
  }
}
