// The order API's composition root: service-kit (logs, /health, /metrics), the SPS connection
// and the order API feature.
import { Module, type Type } from '@nestjs/common';
import { type ConnectOptions } from '@shopstream/sps-client';
import { ServiceKitModule } from '@shopstream/service-kit';
import { CommerceSpsModule, spsConnectOptions } from '@shopstream/commerce-service-config';
import { OrderApiModule } from '@shopstream/commerce-order-api';
import { type OrderApiConfig, SERVICE } from './order-api.config';

/**
 * The root module for `config`. `connection` defaults to the one `SPS_*` describes; the smoke
 * test passes the embedded engine instead.
 */
export function orderApiAppModule(
  config: OrderApiConfig,
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
      OrderApiModule.forRoot(),
    ],
  })
  class OrderApiAppModule {}
  return OrderApiAppModule;
}
