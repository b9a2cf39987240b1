// The Prisma client of the shipping database: the generated client (no native query engine:
// `engineType = "client"`) over @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { shippingDatabaseUrl } from './shipping-database';

/**
 * A Prisma client of the shipping database. Call `$disconnect()` on shutdown.
 *
 * @param url @default `SHIPPING_DATABASE_URL`, else the local stack's database
 */
export function createShippingPrismaClient(url: string = shippingDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** The generated client's type, for constructor parameters of code that receives one. */
export type ShippingPrismaClient = PrismaClient;
