// The public surface of @shopstream/commerce-contracts. The document generators under
// generate/ are dev tooling (npm run contracts:generate) and are not exported.
export * from './names';
export * from './errors/contract-error';
export * from './errors/field-issues';
export * from './common/iso-codes';
export * from './common/primitives.schema';
export * from './common/customer.schema';
export * from './catalog/catalog';
export * from './catalog/promos';
export * from './events/event-headers';
export * from './events/event-contract';
export * from './events/event-record';
export * from './events/order-placed.schema';
export * from './events/stock-low.schema';
export * from './http/create-order.schema';
export * from './http/order-api-responses.schema';
export * from './http/read-models.schema';
