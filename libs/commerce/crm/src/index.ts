// @shopstream/commerce-crm: the crm service (order.placed → the customer and their order
// history, once per event) and its read model.
export { CrmModule, type CrmOptions } from './crm.module';
export { CRM_RETRY, createCrmApp, type CrmDeliveryOptions } from './bootstrap/create-crm-app';
export { OrderPlacedHandler, toCustomerOrder } from './handlers/order-placed.handler';
export {
  CustomersController,
  toCustomerRecord,
  type CrmCustomerRecord,
} from './http/customers.controller';
export { CRM_DATABASE_URL, CrmDatabase, DATABASE_HEALTH_TIMEOUT_MS } from './database/crm-database';
