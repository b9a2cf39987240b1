/**
 * From an `order.placed` to what the shipping database stores: the destination checked (or an
 * UnshippableOrderError), the tracking number derived, the parcel summarised, and the label's
 * rendering deferred, so the repository renders only for an order that has no label yet.
 */
import { type OrderPlacedV1 } from '@shopstream/commerce-contracts';
import { type NewShipment } from '@shopstream/shipping-data';
import { checkDestination } from './destinations';
import { renderLabelPdf } from './label-pdf';
import { CARRIER, SHOP_SENDER, type ShippingAddress } from './label.types';
import { parcelOf } from './parcel';
import { trackingNumberFor } from './tracking-number';

/** A label ready to be stored: its facts now, its PDF on demand. */
export interface PreparedLabel {
  shipment: NewShipment;
  render: () => Promise<Buffer>;
}

export interface LabelOptions {
  /** The sender printed on the label. @default SHOP_SENDER */
  sender?: ShippingAddress;
  /** The label's date. @default now */
  now?: () => Date;
}

/**
 * @throws UnshippableOrderError (not retriable) for an address no label can be made for.
 * @example
 * const { shipment, render } = prepareLabel(order);
 * await repository.createLabelOnce(shipment, inboxEntry, render);
 */
export function prepareLabel(order: OrderPlacedV1, options: LabelOptions = {}): PreparedLabel {
  checkDestination(order);
  const parcel = parcelOf(order);
  const shipment: NewShipment = {
    orderId: order.orderId,
    trackingNumber: trackingNumberFor(order.orderId),
    carrier: CARRIER,
    country: order.shippingAddress.country,
    units: parcel.units,
    weightGrams: parcel.weightGrams,
  };
  return {
    shipment,
    render: () =>
      renderLabelPdf({
        orderId: order.orderId,
        trackingNumber: shipment.trackingNumber,
        carrier: CARRIER,
        sender: options.sender ?? SHOP_SENDER,
        shipTo: order.shippingAddress,
        parcel,
        createdAt: options.now?.() ?? new Date(),
      }),
  };
}
