// @shopstream/commerce-order-api: the order API (POST /orders → order.placed on `orders`).
export { OrderApiModule } from './order-api.module';
export { createOrderApiApp } from './bootstrap/create-order-api-app';
export {
  ORDER_API_OPTIONS,
  OrderPlacer,
  StreamUnavailableError,
  type OrderApiOptions,
} from './orders/order-placer.service';
export { OrdersController, UNSUPPORTED_MEDIA_TYPE } from './orders/orders.controller';
export { validateOrderRequest, type PricedOrder } from './orders/order-request';
export {
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENCY_NAMESPACE,
  idsForIdempotencyKey,
  newOrderId,
  uuidV5,
  type OrderIds,
} from './orders/order-ids';
export { OrderMetrics } from './orders/order-metrics';
export { ContractErrorBodiesFilter } from './http/contract-error-bodies.filter';
export { OPENAPI_DOCUMENT_PATH, loadOpenApiDocument, setupOpenApiDocs } from './docs/openapi-docs';
export { randomOrderRequest, type Random } from './random-order/random-order';
