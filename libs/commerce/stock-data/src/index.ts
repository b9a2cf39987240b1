// @shopstream/stock-data: the stock service's database (Prisma, PostgreSQL): products with
// on-hand counts, the stock ledger, the outbox of `stock.low` records, and the inbox.
export { createStockPrismaClient, type StockPrismaClient } from './stock.client';
export {
  LOCAL_STOCK_DATABASE_URL,
  STOCK_DATABASE_URL_ENV,
  STOCK_PRISMA_CONFIG,
  stockDatabaseUrl,
} from './stock-database';
export { bookLine, type LineBooking } from './ledger.rules';
export {
  StockLedgerRepository,
  type StockLedgerRepositoryOptions,
} from './stock-ledger.repository';
export { StockReadRepository } from './stock-read.repository';
export { OutboxRepository, type OutboxPublishOptions } from './outbox.repository';
export { UnknownSkuError } from './unknown-sku.error';
export type {
  BookingOutcome,
  BookingResult,
  CatalogProduct,
  InboxEntry,
  LowStockCrossing,
  OrderToBook,
  OutboxRecord,
  OutboxRecordInput,
  StockMovement,
  StockProduct,
} from './stock.types';
