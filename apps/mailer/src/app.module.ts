// The mailer service's composition root: service-kit (logs, /health, /metrics), the SPS
// connection and the mailer feature with its database and SMTP server.
import { Module, type Type } from '@nestjs/common';
import { type ConnectOptions } from '@shopstream/sps-client';
import { ServiceKitModule } from '@shopstream/service-kit';
import { CommerceSpsModule, spsConnectOptions } from '@shopstream/commerce-service-config';
import { MailerModule } from '@shopstream/commerce-mailer';
import { type MailerConfig, SERVICE } from './mailer.config';

/** The root module for `config`; `connection` defaults to the one `SPS_*` describes. */
export function mailerAppModule(
  config: MailerConfig,
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
      MailerModule.forRoot({
        databaseUrl: config.DATABASE_URL,
        smtp: { host: config.SMTP_HOST, port: config.SMTP_PORT, from: config.MAIL_FROM },
      }),
    ],
  })
  class MailerAppModule {}
  return MailerAppModule;
}
