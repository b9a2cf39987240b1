/**
 * The mailer database for the Nest app: one Prisma client, a `database` entry in
 * `GET /health`, and the pool closed in `onApplicationShutdown` — after the SPS transport
 * stopped (finished in-flight records, committed, left the group).
 */
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  type MailerPrismaClient,
  SentMessageRepository,
  createMailerPrismaClient,
} from '@shopstream/mailer-data';
import { HealthRegistry } from '@shopstream/service-kit';
import { withTimeout } from '@shopstream/commerce-service-config';

export const MAILER_DATABASE_URL = Symbol('MAILER_DATABASE_URL');

/** How long `GET /health` waits for PostgreSQL. */
export const DATABASE_HEALTH_TIMEOUT_MS = 2_000;

@Injectable()
export class MailerDatabase implements OnModuleInit, OnApplicationShutdown {
  readonly prisma: MailerPrismaClient;
  readonly sentMessages: SentMessageRepository;

  constructor(
    @Inject(MAILER_DATABASE_URL) url: string,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {
    this.prisma = createMailerPrismaClient(url);
    this.sentMessages = new SentMessageRepository(this.prisma);
  }

  onModuleInit(): void {
    this.health.register({
      name: 'database',
      check: async () => {
        await withTimeout(
          this.prisma.$queryRaw`SELECT 1`,
          DATABASE_HEALTH_TIMEOUT_MS,
          'PostgreSQL',
        );
        return { up: true };
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }
}
