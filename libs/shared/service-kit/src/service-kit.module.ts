import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';

export interface ServiceKitOptions {
  /** The service's name: in every log line and as the `service` label of every metric. */
  service: string;
  /** @default process.env.LOG_LEVEL ?? 'info' */
  logLevel?: string;
  /** One human-readable line per log entry instead of JSON. @default process.env.LOG_FORMAT === 'pretty' */
  prettyLogs?: boolean;
}

/**
 * What every shopstream service has: structured logs (pino), `GET /health` (Terminus, with
 * checks registered through {@link HealthRegistry}) and `GET /metrics` (Prometheus).
 *
 * @example
 * @Module({ imports: [ServiceKitModule.forRoot({ service: 'order-api' })] })
 * export class AppModule {}
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const pretty = options.prettyLogs ?? process.env['LOG_FORMAT'] === 'pretty';
    return {
      module: ServiceKitModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        LoggerModule.forRoot({
          pinoHttp: {
            name: options.service,
            level: options.logLevel ?? process.env['LOG_LEVEL'] ?? 'info',
            // Health probes and scrapes would drown the log.
            autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
            ...(pretty
              ? {
                  transport: {
                    target: 'pino-pretty',
                    options: { singleLine: true, ignore: 'pid,hostname' },
                  },
                }
              : {}),
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        HealthRegistry,
        {
          provide: MetricsService,
          useFactory: () => {
            const metrics = new MetricsService();
            metrics.setServiceLabel(options.service);
            return metrics;
          },
        },
      ],
      exports: [HealthRegistry, MetricsService],
    };
  }
}
