// The Prisma client of the stock database: the generated client (no native query engine:
// `engineType = "client"`) over @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { stockDatabaseUrl } from './stock-database';

/**
 * A Prisma client of the stock database. Call `$disconnect()` on shutdown.
 *
 * @param url @default `STOCK_DATABASE_URL`, else the local stack's database
 */
export function createStockPrismaClient(url: string = stockDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** The generated client's type, for constructor parameters of code that receives one. */
export type StockPrismaClient = PrismaClient;
