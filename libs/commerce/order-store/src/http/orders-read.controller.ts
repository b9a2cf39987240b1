/**
 * The order-store read model: `GET /orders/:id` (contracts' `StoredOrder`, 404 `NotFound`)
 * and `GET /orders?customerId=` (a JSON array of `StoredOrder`, newest first; `[]` for a
 * customer without orders).
 */
import { Controller, Get, HttpException, Param, Query } from '@nestjs/common';
import { type NotFound, type StoredOrder, validationFailed } from '@shopstream/commerce-contracts';
import { type StoredOrder as StoredOrderRow } from '@shopstream/order-store-data';
import { OrderStoreDatabase } from '../database/order-store-database';

/** A stored row as the contracts' `StoredOrder` (ISO times; absent optionals left out). */
export function toStoredOrder(row: StoredOrderRow): StoredOrder {
  const { line2, ...address } = row.shippingAddress;
  return {
    order: {
      orderId: row.orderId,
      placedAt: row.placedAt.toISOString(),
      customer: row.customer,
      items: row.items,
      ...(row.promoCode === null ? {} : { promoCode: row.promoCode }),
      shippingAddress: line2 === null ? address : { ...address, line2 },
      totals: row.totals,
      currency: row.currency,
    },
    eventId: row.eventId,
    storedAt: row.createdAt.toISOString(),
  };
}

@Controller('orders')
export class OrdersReadController {
  constructor(private readonly database: OrderStoreDatabase) {}

  @Get(':id')
  async findOne(@Param('id') id: string): Promise<StoredOrder> {
    const row = await this.database.repository.findOrder(id);
    if (row === null) {
      const body: NotFound = { error: 'not_found', message: `order "${id}" is not stored (yet)` };
      throw new HttpException(body, 404);
    }
    return toStoredOrder(row);
  }

  @Get()
  async findByCustomer(
    @Query('customerId') customerId: string | undefined,
  ): Promise<StoredOrder[]> {
    if (customerId === undefined || customerId === '') {
      throw new HttpException(
        validationFailed([{ field: 'customerId', message: 'is required' }]),
        400,
      );
    }
    const rows = await this.database.repository.findOrdersByCustomer(customerId);
    return rows.map(toStoredOrder);
  }
}
