/**
 * The stock ledger's rule for one order line, pure so it can be read and tested on its own:
 *
 * - take what is on hand, up to the quantity ordered; on-hand never goes below 0;
 * - what could not be taken is backordered (owed to the customer, counted on the product);
 * - the line crosses the low-stock threshold when it takes on-hand from ABOVE the threshold to
 *   the threshold or below. A product already at or below it does not cross again, so one
 *   `stock.low` is emitted per fall below the threshold, not one per order after it.
 */

export interface LineBooking {
  /** Units taken from stock (the movement's delta is minus this). */
  taken: number;
  backordered: number;
  onHandAfter: number;
  crossedThreshold: boolean;
}

/**
 * @example
 * bookLine(5, 8, 3); // { taken: 5, backordered: 3, onHandAfter: 0, crossedThreshold: true }
 * bookLine(2, 1, 3); // { taken: 1, backordered: 0, onHandAfter: 1, crossedThreshold: false }
 */
export function bookLine(onHand: number, quantity: number, threshold: number): LineBooking {
  const taken = Math.min(Math.max(onHand, 0), quantity);
  const onHandAfter = onHand - taken;
  return {
    taken,
    backordered: quantity - taken,
    onHandAfter,
    crossedThreshold: onHand > threshold && onHandAfter <= threshold,
  };
}
