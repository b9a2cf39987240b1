// The crm service's configuration: the keys every service has (HOST, PORT=3005, LOG_*,
// SPS_*) and DATABASE_URL (see README.md).
import { postgresUrl, serviceEnvSchema } from '@shopstream/commerce-service-config';
import { LOCAL_CRM_DATABASE_URL } from '@shopstream/crm-data';
import { type z } from 'zod';

export const SERVICE = 'crm';

export const crmConfigSchema = serviceEnvSchema(3005, {
  DATABASE_URL: postgresUrl(LOCAL_CRM_DATABASE_URL),
});

export type CrmConfig = z.infer<typeof crmConfigSchema>;
