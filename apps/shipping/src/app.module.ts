// The shipping service's composition root: service-kit (logs, /health, /metrics), the SPS
// connection and the shipping feature on its database.
import { Module, type Type } from '@nestjs/common';
import { type ConnectOptions } from '@shopstream/sps-client';
import { ServiceKitModule } from '@shopstream/service-kit';
import { CommerceSpsModule, spsConnectOptions } from '@shopstream/commerce-service-config';
import { ShippingModule } from '@shopstream/commerce-shipping';
import { type ShippingConfig, SERVICE } from './shipping.config';

/** The root module for `config`; `connection` defaults to the one `SPS_*` describes. */
export function shippingAppModule(
  config: ShippingConfig,
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
      ShippingModule.forRoot({ databaseUrl: config.DATABASE_URL }),
    ],
  })
  class ShippingAppModule {}
  return ShippingAppModule;
}
