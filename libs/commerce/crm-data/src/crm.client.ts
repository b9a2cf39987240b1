// The Prisma client of the crm database: the generated client (no native query engine:
// `engineType = "client"`) over @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { crmDatabaseUrl } from './crm-database';

/**
 * A Prisma client of the crm database. Call `$disconnect()` on shutdown.
 *
 * @param url @default `CRM_DATABASE_URL`, else the local stack's database
 */
export function createCrmPrismaClient(url: string = crmDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** The generated client's type, for constructor parameters of code that receives one. */
export type CrmPrismaClient = PrismaClient;
