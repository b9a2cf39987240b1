/**
 * The stock database for the Nest app: one Prisma client (a `pg` pool through the driver
 * adapter) behind the ledger, read and outbox repositories, a `database` entry in
 * `GET /health` (`SELECT 1` with a deadline), and the pool closed in `onApplicationShutdown`,
 * after the SPS transport stopped (so no booking loses its connection mid-transaction) and
 * after every {@link StockDatabase.beforeClose} hook: Nest runs the shutdown hooks of one
 * module concurrently, and the outbox relay's last run must not meet a closing pool (an open
 * transaction would then hang until its timeout).
 */
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  OutboxRepository,
  StockLedgerRepository,
  type StockPrismaClient,
  StockReadRepository,
  createStockPrismaClient,
} from '@shopstream/stock-data';
import { HealthRegistry } from '@shopstream/service-kit';
import { withTimeout } from '@shopstream/commerce-service-config';

export const STOCK_DATABASE_URL = Symbol('STOCK_DATABASE_URL');

/** How long `GET /health` waits for PostgreSQL. */
export const DATABASE_HEALTH_TIMEOUT_MS = 2_000;

@Injectable()
export class StockDatabase implements OnModuleInit, OnApplicationShutdown {
  readonly prisma: StockPrismaClient;
  readonly ledger: StockLedgerRepository;
  readonly reads: StockReadRepository;
  readonly outbox: OutboxRepository;
  private readonly closeHooks: (() => Promise<void>)[] = [];

  constructor(
    @Inject(STOCK_DATABASE_URL) url: string,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {
    this.prisma = createStockPrismaClient(url);
    this.ledger = new StockLedgerRepository(this.prisma);
    this.reads = new StockReadRepository(this.prisma);
    this.outbox = new OutboxRepository(this.prisma);
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

  /** Runs `hook` (to completion) before the pool closes on shutdown. */
  beforeClose(hook: () => Promise<void>): void {
    this.closeHooks.push(hook);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.closeHooks.map((hook) => hook()));
    await this.prisma.$disconnect();
  }
}
