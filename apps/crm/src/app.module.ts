// The crm service's composition root: service-kit (logs, /health, /metrics), the SPS
// connection and the crm feature on its database.
import { Module, type Type } from '@nestjs/common';
import { type ConnectOptions } from '@shopstream/sps-client';
import { ServiceKitModule } from '@shopstream/service-kit';
import { CommerceSpsModule, spsConnectOptions } from '@shopstream/commerce-service-config';
import { CrmModule } from '@shopstream/commerce-crm';
import { type CrmConfig, SERVICE } from './crm.config';

/** The root module for `config`; `connection` defaults to the one `SPS_*` describes. */
export function crmAppModule(
  config: CrmConfig,
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
      CrmModule.forRoot({ databaseUrl: config.DATABASE_URL }),
    ],
  })
  class CrmAppModule {}
  return CrmAppModule;
}
