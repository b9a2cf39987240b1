// The promo-counter service's composition root: service-kit (logs, /health, /metrics), the
// SPS connection and the promo-counter feature with its snapshot directory.
import { resolve } from 'node:path';
import { Module, type Type } from '@nestjs/common';
import { type ConnectOptions } from '@shopstream/sps-client';
import { ServiceKitModule } from '@shopstream/service-kit';
import { CommerceSpsModule, spsConnectOptions } from '@shopstream/commerce-service-config';
import { PromoCounterModule } from '@shopstream/commerce-promo-counter';
import { type PromoCounterConfig, SERVICE } from './promo-counter.config';

/** The root module for `config`; `connection` defaults to the one `SPS_*` describes. */
export function promoCounterAppModule(
  config: PromoCounterConfig,
  connection: ConnectOptions = spsConnectOptions(config, SERVICE),
): Type<unknown> {
  @Module({
    imports: [
      ServiceKitModule.forRoot({
        service: SERVICE,
        logLevel: config.LOG_LEVEL,
        prettyLogs: config.LOG_FORMAT === 'pretty',
      }),
      CommerceSpsModule.forRoot({ connection }),
      PromoCounterModule.forRoot({
        snapshotDir: resolve(config.SNAPSHOT_DIR),
        snapshotIntervalMs: config.SNAPSHOT_INTERVAL_MS,
        heartbeatIntervalMs: config.SSE_HEARTBEAT_MS,
      }),
    ],
  })
  class PromoCounterAppModule {}
  return PromoCounterAppModule;
}
