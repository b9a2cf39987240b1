// The Prisma client of the mailer database: the generated client (no native query engine:
// `engineType = "client"`) over @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { mailerDatabaseUrl } from './mailer-database';

/**
 * A Prisma client of the mailer database. Call `$disconnect()` on shutdown.
 *
 * @param url @default `MAILER_DATABASE_URL`, else the local stack's database
 */
export function createMailerPrismaClient(url: string = mailerDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** The generated client's type, for constructor parameters of code that receives one. */
export type MailerPrismaClient = PrismaClient;
