/**
 * The shipping database for the Nest app: one Prisma client (a `pg` pool through the driver
 * adapter), a `database` entry in `GET /health` (`SELECT 1` with a deadline), and the pool
 * closed in `onApplicationShutdown` — which Nest runs after the SPS transport has stopped
 * (finished its in-flight records, committed and left the group), so no handler loses its
 * connection mid-transaction.
 */
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  ShipmentRepository,
  type ShippingPrismaClient,
  createShippingPrismaClient,
} from '@shopstream/shipping-data';
import { HealthRegistry } from '@shopstream/service-kit';
import { withTimeout } from '@shopstream/commerce-service-config';

export const SHIPPING_DATABASE_URL = Symbol('SHIPPING_DATABASE_URL');

/** How long `GET /health` waits for PostgreSQL. */
export const DATABASE_HEALTH_TIMEOUT_MS = 2_000;

@Injectable()
export class ShippingDatabase implements OnModuleInit, OnApplicationShutdown {
  readonly prisma: ShippingPrismaClient;
  readonly shipments: ShipmentRepository;

  constructor(
    @Inject(SHIPPING_DATABASE_URL) url: string,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {
    this.prisma = createShippingPrismaClient(url);
    this.shipments = new ShipmentRepository(this.prisma);
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
