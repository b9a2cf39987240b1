/**
 * The stock ledger of the stock service. Idempotency and consistency rule: one order is
 * booked in ONE transaction with its inbox row, its ledger rows, the new on-hand counts and
 * the outbox records its threshold crossings cause:
 *
 *   BEGIN
 *   INSERT INTO inbox_events ... ON CONFLICT DO NOTHING          0 rows → 'duplicate-event'
 *   SELECT 1 FROM stock_movements WHERE order_id = $1             found  → 'duplicate-order'
 *   SELECT ... FROM products WHERE sku = ANY($skus) ORDER BY sku FOR UPDATE
 *     a SKU missing → UnknownSkuError (not retriable), nothing written
 *   per line, in order: bookLine (take, backorder, crossing)
 *   UPDATE products ...; INSERT INTO stock_movements ...; INSERT INTO outbox_events ...
 *   COMMIT                                                        → 'booked'
 *
 * Rows are locked in SKU order, so concurrent orders (other partitions) that share products
 * wait for each other instead of deadlocking, and every on-hand count is read after the
 * previous booking of that product committed. `(order_id, line_no)` is unique: even two
 * deliveries of one order under different event ids racing across a rebalance book it once.
 */
import { type PrismaClient } from './generated/prisma/client';
import { bookLine } from './ledger.rules';
import {
  type BookingResult,
  type CatalogProduct,
  type InboxEntry,
  type LowStockCrossing,
  type OrderToBook,
  type OutboxRecordInput,
  type StockMovement,
} from './stock.types';
import { UnknownSkuError } from './unknown-sku.error';

export interface StockLedgerRepositoryOptions {
  /** How long a booking's transaction may take (Prisma's `timeout`). @default 15000 */
  transactionTimeoutMs?: number;
  /** How long to wait for a pooled connection (Prisma's `maxWait`). @default 5000 */
  maxWaitMs?: number;
}

interface LockedProduct {
  sku: string;
  name: string;
  onHand: number;
  threshold: number;
}

export class StockLedgerRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: StockLedgerRepositoryOptions = {},
  ) {}

  /**
   * Adds the catalog's new products with their initial on-hand, and brings name, price and
   * threshold of existing ones up to date; never changes an existing product's stock. Safe to
   * run at every start and from several instances at once.
   *
   * @returns how many products were added
   */
  async syncCatalog(catalog: readonly CatalogProduct[]): Promise<number> {
    return await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.product.createMany({
        data: catalog.map(({ initialOnHand, ...p }) => ({ ...p, onHand: initialOnHand })),
        skipDuplicates: true,
      });
      for (const { sku, name, unitPriceCents, lowStockThreshold } of catalog) {
        await tx.product.updateMany({
          where: {
            sku,
            OR: [
              { name: { not: name } },
              { unitPriceCents: { not: unitPriceCents } },
              { lowStockThreshold: { not: lowStockThreshold } },
            ],
          },
          data: { name, unitPriceCents, lowStockThreshold },
        });
      }
      return count;
    });
  }

  /**
   * Books an order once; see the file comment. `toOutbox` turns each threshold crossing into
   * the record to publish (the caller owns the event's shape); it is written with the booking.
   *
   * @throws UnknownSkuError (not retriable) when a line's SKU is not in the catalog.
   */
  bookOrder(
    order: OrderToBook,
    event: InboxEntry,
    toOutbox: (crossing: LowStockCrossing) => OutboxRecordInput,
  ): Promise<BookingResult> {
    const none = (outcome: BookingResult['outcome']): BookingResult => ({
      outcome,
      movements: [],
      crossings: [],
    });
    return this.prisma.$transaction(
      async (tx): Promise<BookingResult> => {
        const inbox = await tx.inboxEvent.createMany({ data: [event], skipDuplicates: true });
        if (inbox.count === 0) return none('duplicate-event');
        const booked = await tx.stockMovement.count({ where: { orderId: order.orderId } });
        if (booked > 0) return none('duplicate-order');

        const skus = [...new Set(order.lines.map((l) => l.sku))].sort();
        const locked = await tx.$queryRaw<LockedProduct[]>`
          SELECT sku, name, on_hand AS "onHand", low_stock_threshold AS "threshold"
          FROM products WHERE sku = ANY(${skus}::text[]) ORDER BY sku FOR UPDATE`;
        const products = new Map(locked.map((p) => [p.sku, { ...p }]));
        const unknown = order.lines
          .map((line, lineIndex) => ({ lineIndex, sku: line.sku }))
          .filter(({ sku }) => !products.has(sku));
        if (unknown.length > 0) throw new UnknownSkuError(order.orderId, unknown);

        const at = new Date();
        const movements: StockMovement[] = [];
        const crossings: LowStockCrossing[] = [];
        const backorders = new Map<string, number>();
        order.lines.forEach((line, i) => {
          const product = products.get(line.sku)!;
          const booking = bookLine(product.onHand, line.quantity, product.threshold);
          product.onHand = booking.onHandAfter;
          backorders.set(line.sku, (backorders.get(line.sku) ?? 0) + booking.backordered);
          movements.push({
            orderId: order.orderId,
            lineNo: i + 1,
            sku: line.sku,
            eventId: event.eventId,
            quantityOrdered: line.quantity,
            quantityDelta: -booking.taken,
            onHandAfter: booking.onHandAfter,
            backordered: booking.backordered,
            createdAt: at,
          });
          if (booking.crossedThreshold) {
            const { sku, name, threshold } = product;
            crossings.push({
              orderId: order.orderId,
              sku,
              name,
              onHand: booking.onHandAfter,
              threshold,
              at,
            });
          }
        });

        for (const [sku, product] of products) {
          await tx.product.update({
            where: { sku },
            data: {
              onHand: product.onHand,
              backordered: { increment: backorders.get(sku) ?? 0 },
              updatedAt: at,
            },
          });
        }
        await tx.stockMovement.createMany({ data: movements });
        if (crossings.length > 0)
          await tx.outboxEvent.createMany({ data: crossings.map(toOutbox) });
        return { outcome: 'booked', movements, crossings };
      },
      {
        timeout: this.options.transactionTimeoutMs ?? 15_000,
        maxWait: this.options.maxWaitMs ?? 5_000,
      },
    );
  }

  /** Whether this event was handled already (its inbox row exists). */
  async wasHandled(eventId: string): Promise<boolean> {
    return (await this.prisma.inboxEvent.count({ where: { eventId } })) > 0;
  }
}
