// @shopstream/crm-data: the crm service's database (Prisma, PostgreSQL).
export { createCrmPrismaClient, type CrmPrismaClient } from './crm.client';
export {
  CRM_DATABASE_URL_ENV,
  CRM_PRISMA_CONFIG,
  LOCAL_CRM_DATABASE_URL,
  crmDatabaseUrl,
} from './crm-database';
export { CustomerRepository, emailKey } from './customer.repository';
export { CurrencyMismatchError } from './currency-mismatch.error';
export {
  CUSTOMER_ORDERS_LIMIT,
  type CustomerOrderEntry,
  type CustomerOrderInput,
  type InboxEntry,
  type RecordOutcome,
  type StoredCustomer,
} from './customer.types';
