/**
 * The mailer service: the `order.placed` handler (group `mailer`), SMTP and the read model.
 * Expects service-kit and the SPS client from the root module; the consumer itself is
 * connected by {@link createMailerApp}.
 */
import { type DynamicModule, Module } from '@nestjs/common';
import { MAILER_DATABASE_URL, MailerDatabase } from './database/mailer-database';
import { OrderPlacedHandler } from './handlers/order-placed.handler';
import { MessagesController } from './http/messages.controller';
import { SMTP_OPTIONS, SmtpSender, type SmtpOptions } from './mail/smtp-sender';

export interface MailerOptions {
  /** `postgresql://…/mailer` (the service's `DATABASE_URL`). */
  databaseUrl: string;
  smtp: SmtpOptions;
}

@Module({})
export class MailerModule {
  static forRoot(options: MailerOptions): DynamicModule {
    return {
      module: MailerModule,
      controllers: [OrderPlacedHandler, MessagesController],
      providers: [
        { provide: MAILER_DATABASE_URL, useValue: options.databaseUrl },
        { provide: SMTP_OPTIONS, useValue: options.smtp },
        MailerDatabase,
        SmtpSender,
      ],
      exports: [MailerDatabase, SmtpSender],
    };
  }
}
