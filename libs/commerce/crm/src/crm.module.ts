/**
 * The crm service: the `order.placed` handler (group `crm`) and the customer read model.
 * Expects service-kit and the SPS client from the root module; the consumer itself is
 * connected by {@link createCrmApp}.
 */
import { type DynamicModule, Module } from '@nestjs/common';
import { CRM_DATABASE_URL, CrmDatabase } from './database/crm-database';
import { OrderPlacedHandler } from './handlers/order-placed.handler';
import { CustomersController } from './http/customers.controller';

export interface CrmOptions {
  /** `postgresql://…/crm` (the service's `DATABASE_URL`). */
  databaseUrl: string;
}

@Module({})
export class CrmModule {
  static forRoot(options: CrmOptions): DynamicModule {
    return {
      module: CrmModule,
      controllers: [OrderPlacedHandler, CustomersController],
      providers: [{ provide: CRM_DATABASE_URL, useValue: options.databaseUrl }, CrmDatabase],
      exports: [CrmDatabase],
    };
  }
}
