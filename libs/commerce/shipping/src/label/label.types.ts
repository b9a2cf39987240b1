// The shapes a label is made of.

/** A postal address as the `order.placed` event carries it (and as the shop's sender is). */
export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string | undefined;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  country: string;
}

/** The carrier printed on every label and returned in `Shipment.carrier`. */
export const CARRIER = 'shopstream parcel';

/**
 * The shop's dispatch address, printed as the sender on every label (the default of
 * `ShippingModule.forRoot({ sender })`).
 */
export const SHOP_SENDER: ShippingAddress = Object.freeze({
  name: 'shopstream fulfilment',
  line1: 'Lagerstraße 7',
  city: 'Berlin',
  postalCode: '10179',
  country: 'DE',
});
