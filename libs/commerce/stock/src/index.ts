// @shopstream/commerce-stock: the stock service (ERP ledger): order.placed → each order booked
// once (on-hand, backorders), `stock.low` through a transactional outbox to `stock`, and the
// stock read model.
export { StockModule, type StockOptions } from './stock.module';
export {
  STOCK_RETRY,
  createStockApp,
  type StockDeliveryOptions,
} from './bootstrap/create-stock-app';
export { OrderPlacedHandler } from './handlers/order-placed.handler';
export {
  StockController,
  toStockLevel,
  type MovementView,
  type StockLedgerView,
} from './http/stock.controller';
export {
  DATABASE_HEALTH_TIMEOUT_MS,
  STOCK_DATABASE_URL,
  StockDatabase,
} from './database/stock-database';
export { CatalogSync, STOCK_CATALOG } from './catalog/catalog-sync';
export { OUTBOX_RELAY_OPTIONS, OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { STOCK_STREAM_PARTITIONS, ensureStockStream } from './outbox/stock-stream';
export { stockLowEventId, stockLowPayload, stockLowRecord } from './events/stock-low.event';
export { STOCK_EVENT_NAMESPACE, uuidV5 } from './events/uuid-v5';
