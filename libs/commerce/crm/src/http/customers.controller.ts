/**
 * The crm read model: `GET /customers/:id` (the contracts' `CustomerRecord`, 404 `NotFound`)
 * and `GET /customers?email=` (a JSON array of them, most recently ordering first; `[]` when
 * nobody has that email; 400 without it). Emails match case-insensitively.
 *
 * Each record carries two fields beyond the contract, `firstOrderAt` and `lastOrderAt`
 * (additive, as the contracts allow for read models): min and max of the orders' placedAt.
 */
import { Controller, Get, HttpException, Param, Query } from '@nestjs/common';
import {
  type CustomerRecord,
  type NotFound,
  validationFailed,
} from '@shopstream/commerce-contracts';
import { type StoredCustomer } from '@shopstream/crm-data';
import { CrmDatabase } from '../database/crm-database';

/** `CustomerRecord` plus the first and last order time (ISO 8601 UTC). */
export type CrmCustomerRecord = CustomerRecord & { firstOrderAt: string; lastOrderAt: string };

export function toCustomerRecord(customer: StoredCustomer): CrmCustomerRecord {
  return {
    id: customer.id,
    email: customer.email,
    name: customer.name,
    orderCount: customer.orderCount,
    totalSpentCents: customer.totalSpentCents,
    currency: customer.currency,
    orders: customer.orders.map((o) => ({
      orderId: o.orderId,
      placedAt: o.placedAt.toISOString(),
      totalCents: o.totalCents,
    })),
    firstOrderAt: customer.firstOrderAt.toISOString(),
    lastOrderAt: customer.lastOrderAt.toISOString(),
  };
}

@Controller('customers')
export class CustomersController {
  constructor(private readonly database: CrmDatabase) {}

  @Get(':id')
  async findOne(@Param('id') id: string): Promise<CrmCustomerRecord> {
    const customer = await this.database.customers.findCustomer(id);
    if (customer === null) {
      const body: NotFound = { error: 'not_found', message: `customer "${id}" is not known (yet)` };
      throw new HttpException(body, 404);
    }
    return toCustomerRecord(customer);
  }

  @Get()
  async findByEmail(@Query('email') email: string | undefined): Promise<CrmCustomerRecord[]> {
    if (email === undefined || email.trim() === '') {
      throw new HttpException(validationFailed([{ field: 'email', message: 'is required' }]), 400);
    }
    const customers = await this.database.customers.findCustomersByEmail(email);
    return customers.map(toCustomerRecord);
  }
}
