// The stock service's configuration: the keys every service has (HOST, PORT=3004, LOG_*,
// SPS_*) and DATABASE_URL (see README.md).
import { postgresUrl, serviceEnvSchema } from '@shopstream/commerce-service-config';
import { LOCAL_STOCK_DATABASE_URL } from '@shopstream/stock-data';
import { type z } from 'zod';

export const SERVICE = 'stock';

export const stockConfigSchema = serviceEnvSchema(3004, {
  DATABASE_URL: postgresUrl(LOCAL_STOCK_DATABASE_URL),
});

export type StockConfig = z.infer<typeof stockConfigSchema>;
