// The shipping service's configuration: the keys every service has (HOST, PORT=3003, LOG_*,
// SPS_*) and DATABASE_URL (see README.md). Labels are stored in the database, so there is no
// label directory to configure.
import { postgresUrl, serviceEnvSchema } from '@shopstream/commerce-service-config';
import { LOCAL_SHIPPING_DATABASE_URL } from '@shopstream/shipping-data';
import { type z } from 'zod';

export const SERVICE = 'shipping';

export const shippingConfigSchema = serviceEnvSchema(3003, {
  DATABASE_URL: postgresUrl(LOCAL_SHIPPING_DATABASE_URL),
});

export type ShippingConfig = z.infer<typeof shippingConfigSchema>;
