/**
 * The SPS side of every shop service in one import: the connected client (sps-nest's
 * `SpsModule`), the `orders` stream made to exist at start-up, and a `stream` entry in
 * `GET /health` that makes a cheap admin call (list the streams) with a deadline.
 */
import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnModuleInit,
} from '@nestjs/common';
import { type ConnectOptions, SpsClient } from '@shopstream/sps-client';
import { SpsModule } from '@shopstream/sps-nest';
import { HealthRegistry } from '@shopstream/service-kit';
import { STREAMS } from '@shopstream/commerce-contracts';
import { withTimeout } from '../support/with-timeout';
import { ensureOrdersStream } from './orders-stream';

/** How long `GET /health` waits for the broker before it reports the stream down. */
export const STREAM_HEALTH_TIMEOUT_MS = 2_000;

@Injectable()
class OrdersStreamSetup implements OnModuleInit {
  private readonly log = new Logger('OrdersStream');
  private setup: Promise<void> | undefined;

  constructor(
    @Inject(SpsClient) private readonly client: SpsClient,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {}

  /**
   * Once per app: Nest runs init hooks for a hybrid app twice (when the microservice starts
   * and when the HTTP app initialises), and both must wait for the same setup.
   */
  onModuleInit(): Promise<void> {
    this.setup ??= this.run();
    return this.setup;
  }

  private async run(): Promise<void> {
    this.health.register({
      name: 'stream',
      check: async () => {
        const streams = await withTimeout(
          this.client.admin().listStreams(),
          STREAM_HEALTH_TIMEOUT_MS,
          'the stream backend',
        );
        return {
          up: true,
          details: { driver: this.client.driverName, orders: streams.includes(STREAMS.orders) },
        };
      },
    });
    try {
      const outcome = await ensureOrdersStream(this.client);
      this.log.log(`stream "${STREAMS.orders}": ${outcome}`);
    } catch (error) {
      // Not fatal here: the order API answers 503 until the broker is back, and a consumer's
      // own start fails loudly if it cannot join its group.
      this.log.warn(`could not ensure stream "${STREAMS.orders}": ${String(error)}`);
    }
  }
}

export interface CommerceSpsOptions {
  /** From {@link spsConnectOptions} in a service; `{ driver: 'embedded', engine }` in tests. */
  connection: ConnectOptions;
}

/**
 * @example
 * ```ts
 * @Module({ imports: [ServiceKitModule.forRoot({ service: 'mailer' }), CommerceSpsModule.forRoot({ connection })] })
 * class AppModule {}
 * ```
 */
@Module({})
export class CommerceSpsModule {
  static forRoot(options: CommerceSpsOptions): DynamicModule {
    return {
      module: CommerceSpsModule,
      imports: [SpsModule.forRoot({ connection: options.connection })],
      providers: [OrdersStreamSetup],
    };
  }
}
