// @shopstream/mailer-data: the mailer service's database (Prisma, PostgreSQL).
export { createMailerPrismaClient, type MailerPrismaClient } from './mailer.client';
export {
  LOCAL_MAILER_DATABASE_URL,
  MAILER_DATABASE_URL_ENV,
  MAILER_PRISMA_CONFIG,
  mailerDatabaseUrl,
} from './mailer-database';
export {
  SentMessageRepository,
  type SentMessageRepositoryOptions,
} from './sent-message.repository';
export type { OutgoingMessage, SendOutcome, SendReceipt, SentMessage } from './sent-message.types';
