/**
 * The order API: `POST /orders` and what it needs. Expects, from the root module, service-kit
 * (`MetricsService`) and the SPS client (`CommerceSpsModule` / `SpsModule`).
 */
import { type DynamicModule, Module } from '@nestjs/common';
import { OrderMetrics } from './orders/order-metrics';
import {
  ORDER_API_OPTIONS,
  OrderPlacer,
  type OrderApiOptions,
} from './orders/order-placer.service';
import { OrdersController } from './orders/orders.controller';

@Module({})
export class OrderApiModule {
  static forRoot(options: OrderApiOptions = {}): DynamicModule {
    return {
      module: OrderApiModule,
      controllers: [OrdersController],
      providers: [{ provide: ORDER_API_OPTIONS, useValue: options }, OrderMetrics, OrderPlacer],
    };
  }
}
