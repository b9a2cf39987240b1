/**
 * The shipping service: the `order.placed` handler (group `shipping`) that makes one label per
 * order, and the read model (shipments and label PDFs). Expects service-kit and the SPS client
 * from the root module; the consumer itself is connected by {@link createShippingApp}.
 */
import { type DynamicModule, Module } from '@nestjs/common';
import { SHIPPING_DATABASE_URL, ShippingDatabase } from './database/shipping-database';
import { LABEL_OPTIONS, OrderPlacedHandler } from './handlers/order-placed.handler';
import { ShipmentsController } from './http/shipments.controller';
import { type ShippingAddress } from './label/label.types';

export interface ShippingOptions {
  /** `postgresql://…/shipping` (the service's `DATABASE_URL`). */
  databaseUrl: string;
  /** The sender printed on every label. @default SHOP_SENDER */
  sender?: ShippingAddress;
}

@Module({})
export class ShippingModule {
  static forRoot(options: ShippingOptions): DynamicModule {
    return {
      module: ShippingModule,
      controllers: [OrderPlacedHandler, ShipmentsController],
      providers: [
        { provide: SHIPPING_DATABASE_URL, useValue: options.databaseUrl },
        { provide: LABEL_OPTIONS, useValue: options.sender ? { sender: options.sender } : {} },
        ShippingDatabase,
      ],
      exports: [ShippingDatabase],
    };
  }
}
