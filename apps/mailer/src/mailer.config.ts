// The mailer service's configuration: the keys every service has (HOST, PORT=3002, LOG_*,
// SPS_*), DATABASE_URL, and SMTP_HOST, SMTP_PORT, MAIL_FROM (see README.md).
import { z } from 'zod';
import { configFields } from '@shopstream/service-kit';
import { postgresUrl, serviceEnvSchema } from '@shopstream/commerce-service-config';
import { LOCAL_MAILER_DATABASE_URL } from '@shopstream/mailer-data';

export const SERVICE = 'mailer';

/** `orders@example.com` or `Name <orders@example.com>`. */
const FROM = /^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

export const mailerConfigSchema = serviceEnvSchema(3002, {
  DATABASE_URL: postgresUrl(LOCAL_MAILER_DATABASE_URL),
  SMTP_HOST: configFields.host(),
  SMTP_PORT: configFields.port(1025),
  MAIL_FROM: z
    .string()
    .trim()
    .default('shopstream <orders@shopstream.local>')
    .pipe(
      z
        .string()
        .regex(FROM, { error: 'must be an address, e.g. "shopstream <orders@example.com>"' }),
    ),
});

export type MailerConfig = z.infer<typeof mailerConfigSchema>;
