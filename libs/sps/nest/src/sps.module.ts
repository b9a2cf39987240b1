/**
 * `SpsModule`: one connected `SpsClient` for the whole Nest app (closed on shutdown), and an
 * `SpsClientProxy` for `emit`. Services add an `SpsServer` to consume (see connect-sps-transport.ts).
 *
 * @example
 * ```ts
 * @Module({
 *   imports: [
 *     SpsModule.forRootAsync({
 *       useFactory: (config: AppConfig) => ({
 *         connection: { driver: 'kafka', brokers: config.SPS_BROKERS, clientId: 'mailer' },
 *       }),
 *       inject: [AppConfig],
 *     }),
 *   ],
 * })
 * export class AppModule {}
 * ```
 */
import {
  type DynamicModule,
  Global,
  type InjectionToken,
  Module,
  type OnApplicationShutdown,
  type OptionalFactoryDependency,
  Inject,
  Injectable,
} from '@nestjs/common';
import { connect, type ConnectOptions, SpsClient } from '@shopstream/sps-client';
import { SpsClientProxy, type SpsEventRoutes } from './sps.client-proxy';

export interface SpsModuleOptions {
  /** Passed to `connect()`: `{ driver: 'kafka', brokers }`, `{ driver: 'embedded', engine }`, … */
  connection: ConnectOptions;
  /** Event type → stream (and key) for `SpsClientProxy.emit`. @default {} */
  routes?: SpsEventRoutes;
}

export interface SpsModuleAsyncOptions {
  imports?: DynamicModule['imports'];
  useFactory: (...args: never[]) => SpsModuleOptions | Promise<SpsModuleOptions>;
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
}

export const SPS_MODULE_OPTIONS = Symbol('SPS_MODULE_OPTIONS');

/** Closes the client when the app shuts down (after the transport stopped its consumer). */
@Injectable()
class SpsClientLifecycle implements OnApplicationShutdown {
  constructor(@Inject(SpsClient) private readonly client: SpsClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

const providers = [
  {
    provide: SpsClient,
    useFactory: (options: SpsModuleOptions) => connect(options.connection),
    inject: [SPS_MODULE_OPTIONS],
  },
  {
    provide: SpsClientProxy,
    useFactory: (client: SpsClient, options: SpsModuleOptions) =>
      new SpsClientProxy(client, options.routes ?? {}),
    inject: [SpsClient, SPS_MODULE_OPTIONS],
  },
  SpsClientLifecycle,
];

@Global()
@Module({})
export class SpsModule {
  static forRoot(options: SpsModuleOptions): DynamicModule {
    return {
      module: SpsModule,
      providers: [{ provide: SPS_MODULE_OPTIONS, useValue: options }, ...providers],
      exports: [SpsClient, SpsClientProxy],
    };
  }

  static forRootAsync(options: SpsModuleAsyncOptions): DynamicModule {
    return {
      module: SpsModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: SPS_MODULE_OPTIONS,
          useFactory: options.useFactory,
          inject: options.inject ?? [],
        },
        ...providers,
      ],
      exports: [SpsClient, SpsClientProxy],
    };
  }
}
