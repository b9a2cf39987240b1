// The stock service's composition root: service-kit (logs, /health, /metrics), the SPS
// connection and the stock feature on its database.
import { Module, type Type } from '@nestjs/common';
import { type ConnectOptions } from '@shopstream/sps-client';
import { ServiceKitModule } from '@shopstream/service-kit';
import { CommerceSpsModule, spsConnectOptions } from '@shopstream/commerce-service-config';
import { StockModule } from '@shopstream/commerce-stock';
import { type StockConfig, SERVICE } from './stock.config';

/** The root module for `config`; `connection` defaults to the one `SPS_*` describes. */
export function stockAppModule(
  config: StockConfig,
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
      StockModule.forRoot({ databaseUrl: config.DATABASE_URL }),
    ],
  })
  class StockAppModule {}
  return StockAppModule;
}
