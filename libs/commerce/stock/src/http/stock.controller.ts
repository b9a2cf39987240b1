/**
 * The stock read model:
 * - `GET /stock/:sku`: the contracts' `StockLevel` (404 `NotFound`);
 * - `GET /stock?low=true`: a JSON array of `StockLevel` at or below their threshold (`false`:
 *   the others; no `low`: every product), by SKU;
 * - `GET /stock/:sku/movements`: the product's ledger, newest first (at most 100 rows), with
 *   its backorders.
 */
import { Controller, Get, HttpException, Param, Query } from '@nestjs/common';
import { type NotFound, type StockLevel, validationFailed } from '@shopstream/commerce-contracts';
import { type StockMovement, type StockProduct } from '@shopstream/stock-data';
import { StockDatabase } from '../database/stock-database';

export function toStockLevel(product: StockProduct): StockLevel {
  return {
    sku: product.sku,
    name: product.name,
    onHand: product.onHand,
    lowStockThreshold: product.lowStockThreshold,
    low: product.onHand <= product.lowStockThreshold,
    updatedAt: product.updatedAt.toISOString(),
  };
}

/** One ledger row as JSON. */
export interface MovementView {
  orderId: string;
  lineNo: number;
  eventId: string;
  quantityOrdered: number;
  quantityDelta: number;
  onHandAfter: number;
  backordered: number;
  /** ISO 8601 UTC. */
  at: string;
}

/** `GET /stock/:sku/movements`. */
export interface StockLedgerView {
  sku: string;
  onHand: number;
  /** Units owed to customers: the sum of the movements' backorders. */
  backordered: number;
  movements: MovementView[];
}

function toMovementView(m: StockMovement): MovementView {
  const { sku: _sku, createdAt, ...rest } = m;
  return { ...rest, at: createdAt.toISOString() };
}

function notFound(sku: string): HttpException {
  const body: NotFound = {
    error: 'not_found',
    message: `no product "${sku}" in the stock catalog`,
  };
  return new HttpException(body, 404);
}

@Controller('stock')
export class StockController {
  constructor(private readonly database: StockDatabase) {}

  @Get()
  async list(@Query('low') low: string | undefined): Promise<StockLevel[]> {
    if (low !== undefined && low !== 'true' && low !== 'false') {
      throw new HttpException(
        validationFailed([{ field: 'low', message: 'must be true or false' }]),
        400,
      );
    }
    const filter = low === undefined ? {} : { low: low === 'true' };
    return (await this.database.reads.listProducts(filter)).map(toStockLevel);
  }

  @Get(':sku')
  async findOne(@Param('sku') sku: string): Promise<StockLevel> {
    const product = await this.database.reads.findProduct(sku);
    if (product === null) throw notFound(sku);
    return toStockLevel(product);
  }

  @Get(':sku/movements')
  async movements(@Param('sku') sku: string): Promise<StockLedgerView> {
    const product = await this.database.reads.findProduct(sku);
    if (product === null) throw notFound(sku);
    const movements = await this.database.reads.findMovements(sku);
    return {
      sku,
      onHand: product.onHand,
      backordered: product.backordered,
      movements: movements.map(toMovementView),
    };
  }
}
