// The Prisma client of the order-store database: the generated client (no native query
// engine: `engineType = "client"`) over @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { orderStoreDatabaseUrl } from './order-store-database';

/**
 * A Prisma client of the order-store database. Call `$disconnect()` on shutdown.
 *
 * @param url @default `ORDER_STORE_DATABASE_URL`, else the local stack's database
 */
export function createOrderStorePrismaClient(url: string = orderStoreDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** The generated client's type, for constructor parameters of code that receives one. */
export type OrderStorePrismaClient = PrismaClient;
