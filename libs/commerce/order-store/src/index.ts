// @shopstream/commerce-order-store: the order-store service (order.placed → its own database,
// exactly once per order) and its read model.
export { OrderStoreModule, type OrderStoreOptions } from './order-store.module';
export {
  ORDER_STORE_RETRY,
  createOrderStoreApp,
  type OrderStoreDeliveryOptions,
} from './bootstrap/create-order-store-app';
export { OrderPlacedHandler, toNewOrder } from './handlers/order-placed.handler';
export { OrdersReadController, toStoredOrder } from './http/orders-read.controller';
export {
  DATABASE_HEALTH_TIMEOUT_MS,
  ORDER_STORE_DATABASE_URL,
  OrderStoreDatabase,
} from './database/order-store-database';
