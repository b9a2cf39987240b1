// Reads of the stock database for the read model: products (all, or those at or below their
// threshold) and a product's ledger. Writes go through StockLedgerRepository only.
import { type PrismaClient } from './generated/prisma/client';
import { type StockMovement, type StockProduct } from './stock.types';

const movementFields = {
  orderId: true,
  lineNo: true,
  sku: true,
  eventId: true,
  quantityOrdered: true,
  quantityDelta: true,
  onHandAfter: true,
  backordered: true,
  createdAt: true,
} as const;

export class StockReadRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** One product, or `null`. */
  findProduct(sku: string): Promise<StockProduct | null> {
    return this.prisma.product.findUnique({ where: { sku } });
  }

  /**
   * Products by SKU; `low: true` only those with on-hand at or below their threshold,
   * `low: false` only the others.
   */
  listProducts(filter: { low?: boolean } = {}): Promise<StockProduct[]> {
    const threshold = this.prisma.product.fields.lowStockThreshold;
    const where =
      filter.low === undefined
        ? {}
        : filter.low
          ? { onHand: { lte: threshold } }
          : { onHand: { gt: threshold } };
    return this.prisma.product.findMany({ where, orderBy: { sku: 'asc' } });
  }

  /** A product's ledger, newest first. */
  findMovements(sku: string, limit = 100): Promise<StockMovement[]> {
    return this.prisma.stockMovement.findMany({
      where: { sku },
      select: movementFields,
      orderBy: { id: 'desc' },
      take: limit,
    });
  }
}
