/**
 * The stock service (ERP ledger): the catalog seeded at start, the `order.placed` handler
 * (group `erp-stock`) that books each order once, the outbox relay that appends `stock.low` to
 * the `stock` stream, and the read model. Expects service-kit and the SPS client from the root
 * module; the consumer itself is connected by {@link createStockApp}.
 */
import { type DynamicModule, Module } from '@nestjs/common';
import { CATALOG } from '@shopstream/commerce-contracts';
import { type CatalogProduct } from '@shopstream/stock-data';
import { CatalogSync, STOCK_CATALOG } from './catalog/catalog-sync';
import { STOCK_DATABASE_URL, StockDatabase } from './database/stock-database';
import { OrderPlacedHandler } from './handlers/order-placed.handler';
import { StockController } from './http/stock.controller';
import { OUTBOX_RELAY_OPTIONS, OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';

export interface StockOptions {
  /** `postgresql://…/stock` (the service's `DATABASE_URL`). */
  databaseUrl: string;
  /** Tests shorten the poll. @default { pollIntervalMs: 1000, sendTimeoutMs: 10000 } */
  outbox?: OutboxRelayOptions;
  /** What the database is seeded from. @default the contracts' CATALOG */
  catalog?: readonly CatalogProduct[];
}

@Module({})
export class StockModule {
  static forRoot(options: StockOptions): DynamicModule {
    return {
      module: StockModule,
      controllers: [OrderPlacedHandler, StockController],
      providers: [
        { provide: STOCK_DATABASE_URL, useValue: options.databaseUrl },
        { provide: STOCK_CATALOG, useValue: options.catalog ?? CATALOG },
        { provide: OUTBOX_RELAY_OPTIONS, useValue: options.outbox ?? {} },
        StockDatabase,
        CatalogSync,
        OutboxRelay,
      ],
      exports: [StockDatabase, OutboxRelay],
    };
  }
}
