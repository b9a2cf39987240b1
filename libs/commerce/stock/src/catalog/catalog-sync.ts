/**
 * Seeds the stock database from the contracts' CATALOG at start-up — the same catalog the
 * order API validates SKUs against, so an order the API accepted names a product the ledger
 * has. New products come with their `initialOnHand`; existing ones get the catalog's name,
 * price and threshold, and keep their stock (StockLedgerRepository.syncCatalog).
 *
 * It runs in `onModuleInit`, which Nest awaits before the consumer joins its group: no order is
 * booked against a catalog that is not there yet. A database that cannot be reached fails the
 * start (exit 1), as it should: the service could not book anything.
 */
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type CatalogProduct } from '@shopstream/stock-data';
import { StockDatabase } from '../database/stock-database';

/** The catalog to seed from; `StockModule` provides the contracts' `CATALOG`. */
export const STOCK_CATALOG = Symbol('STOCK_CATALOG');

@Injectable()
export class CatalogSync implements OnModuleInit {
  private readonly log = new Logger(CatalogSync.name);
  private sync: Promise<void> | undefined;

  constructor(
    private readonly database: StockDatabase,
    @Inject(STOCK_CATALOG) private readonly catalog: readonly CatalogProduct[],
  ) {}

  /** Once per app: a hybrid app runs init hooks twice, and both must wait for the same sync. */
  onModuleInit(): Promise<void> {
    this.sync ??= this.run();
    return this.sync;
  }

  private async run(): Promise<void> {
    const added = await this.database.ledger.syncCatalog(this.catalog);
    this.log.log(`catalog: ${this.catalog.length} products, ${added} added`);
  }
}
