// @shopstream/order-store-data: the order-store service's database (Prisma, PostgreSQL).
export { createOrderStorePrismaClient, type OrderStorePrismaClient } from './order-store.client';
export {
  LOCAL_ORDER_STORE_DATABASE_URL,
  ORDER_STORE_DATABASE_URL_ENV,
  ORDER_STORE_PRISMA_CONFIG,
  orderStoreDatabaseUrl,
} from './order-store-database';
export { OrderStoreRepository } from './order-store.repository';
export type { InboxEntry, NewOrder, SaveOutcome, StoredOrder } from './order-store.types';
