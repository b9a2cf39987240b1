/**
 * The order-store service: the `order.placed` handler (group `order-store`) and the read
 * model. Expects service-kit and the SPS client from the root module; the consumer itself is
 * connected by {@link createOrderStoreApp}.
 */
import { type DynamicModule, Module } from '@nestjs/common';
import { ORDER_STORE_DATABASE_URL, OrderStoreDatabase } from './database/order-store-database';
import { OrderPlacedHandler } from './handlers/order-placed.handler';
import { OrdersReadController } from './http/orders-read.controller';

export interface OrderStoreOptions {
  /** `postgresql://…/order_store` (the service's `DATABASE_URL`). */
  databaseUrl: string;
}

@Module({})
export class OrderStoreModule {
  static forRoot(options: OrderStoreOptions): DynamicModule {
    return {
      module: OrderStoreModule,
      controllers: [OrderPlacedHandler, OrdersReadController],
      providers: [
        { provide: ORDER_STORE_DATABASE_URL, useValue: options.databaseUrl },
        OrderStoreDatabase,
      ],
      exports: [OrderStoreDatabase],
    };
  }
}
