// The order API's configuration: only the keys every service has (HOST, PORT=3000, LOG_*,
// SPS_*); see libs/commerce/service-config.
import { serviceEnvSchema } from '@shopstream/commerce-service-config';
import { type z } from 'zod';

export const SERVICE = 'order-api';

export const orderApiConfigSchema = serviceEnvSchema(3000);

export type OrderApiConfig = z.infer<typeof orderApiConfigSchema>;
