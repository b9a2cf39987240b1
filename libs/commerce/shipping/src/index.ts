// @shopstream/commerce-shipping: the shipping service (order.placed → exactly one shipping
// label per order: a PDF with a Code 128 barcode of the tracking number) and its read model.
export { ShippingModule, type ShippingOptions } from './shipping.module';
export {
  SHIPPING_RETRY,
  createShippingApp,
  type ShippingDeliveryOptions,
} from './bootstrap/create-shipping-app';
export { LABEL_OPTIONS, OrderPlacedHandler } from './handlers/order-placed.handler';
export { ShipmentsController, labelPath, toShipment } from './http/shipments.controller';
export {
  DATABASE_HEALTH_TIMEOUT_MS,
  SHIPPING_DATABASE_URL,
  ShippingDatabase,
} from './database/shipping-database';
export { CARRIER, SHOP_SENDER, type ShippingAddress } from './label/label.types';
export {
  EU_COUNTRIES,
  SUPPORTED_COUNTRIES,
  checkDestination,
  isPrintable,
  unprintableCharacters,
} from './label/destinations';
export { UnshippableOrderError, type UnshippableCode } from './label/unshippable-order.error';
export { isTrackingNumber, luhnCheckDigit, trackingNumberFor } from './label/tracking-number';
export { formatWeight, parcelOf, UNIT_GRAMS, type Parcel, type ParcelLine } from './label/parcel';
export { BARCODE_OPTIONS, code128Png } from './label/barcode';
export { MAX_LINES_SHOWN, countryLine, renderLabelPdf, type LabelContent } from './label/label-pdf';
export { prepareLabel, type LabelOptions, type PreparedLabel } from './label/shipping-label';
