// @shopstream/shipping-data: the shipping service's database (Prisma, PostgreSQL): shipments,
// their label PDFs and the inbox.
export { createShippingPrismaClient, type ShippingPrismaClient } from './shipping.client';
export {
  LOCAL_SHIPPING_DATABASE_URL,
  SHIPPING_DATABASE_URL_ENV,
  SHIPPING_PRISMA_CONFIG,
  shippingDatabaseUrl,
} from './shipping-database';
export { ShipmentRepository, type ShipmentRepositoryOptions } from './shipment.repository';
export { TrackingNumberTakenError } from './tracking-number-taken.error';
export type {
  InboxEntry,
  LabelOutcome,
  NewShipment,
  ShipmentStatus,
  StoredShipment,
} from './shipment.types';
