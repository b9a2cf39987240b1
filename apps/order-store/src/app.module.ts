// The order-store service's composition root: service-kit (logs, /health, /metrics), the SPS
// connection and the order-store feature on its database.
import { Module, type Type } from '@nestjs/common';
import { type ConnectOptions } from '@shopstream/sps-client';
import { ServiceKitModule } from '@shopstream/service-kit';
import { CommerceSpsModule, spsConnectOptions } from '@shopstream/commerce-service-config';
import { OrderStoreModule } from '@shopstream/commerce-order-store';
import { type OrderStoreConfig, SERVICE } from './order-store.config';

/** The root module for `config`; `connection` defaults to the one `SPS_*` describes. */
export function orderStoreAppModule(
  config: OrderStoreConfig,
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
      OrderStoreModule.forRoot({ databaseUrl: config.DATABASE_URL }),
    ],
  })
  class OrderStoreAppModule {}
  return OrderStoreAppModule;
}
