// The order-store service's configuration: the keys every service has (HOST, PORT=3001,
// LOG_*, SPS_*) and DATABASE_URL (see README.md).
import { postgresUrl, serviceEnvSchema } from '@shopstream/commerce-service-config';
import { LOCAL_ORDER_STORE_DATABASE_URL } from '@shopstream/order-store-data';
import { type z } from 'zod';

export const SERVICE = 'order-store';

export const orderStoreConfigSchema = serviceEnvSchema(3001, {
  DATABASE_URL: postgresUrl(LOCAL_ORDER_STORE_DATABASE_URL),
});

export type OrderStoreConfig = z.infer<typeof orderStoreConfigSchema>;
