/**
 * Data access of the shipping service. Idempotency rule: the inbox row, the shipment and its
 * label PDF are written in ONE transaction, and the order id is the shipment's primary key:
 *
 *   BEGIN
 *   INSERT INTO inbox_events ... ON CONFLICT DO NOTHING     0 rows → 'duplicate-event'
 *   SELECT 1 FROM shipments WHERE order_id = $1              found  → 'duplicate-order'
 *   render the label (only now: duplicates render nothing)
 *   INSERT INTO shipments (..., label_pdf) ON CONFLICT DO NOTHING
 *     0 rows → the order's row appeared meanwhile           → 'duplicate-order'
 *            → else the tracking number is another order's  → TrackingNumberTakenError
 *   COMMIT                                                   → 'created'
 *
 * So an order gets exactly one label however often and under however many event ids it
 * arrives; a failure anywhere (rendering included) rolls everything back and the retry starts
 * clean. Concurrent deliveries of one order wait on the first one's uncommitted primary key.
 */
import { type PrismaClient } from './generated/prisma/client';
import {
  type InboxEntry,
  type LabelOutcome,
  type NewShipment,
  type StoredShipment,
} from './shipment.types';
import { TrackingNumberTakenError } from './tracking-number-taken.error';

export interface ShipmentRepositoryOptions {
  /** How long the transaction around the render may take (Prisma's `timeout`). @default 15000 */
  transactionTimeoutMs?: number;
  /** How long to wait for a pooled connection (Prisma's `maxWait`). @default 5000 */
  maxWaitMs?: number;
}

const withoutLabel = {
  orderId: true,
  eventId: true,
  trackingNumber: true,
  carrier: true,
  status: true,
  country: true,
  units: true,
  weightGrams: true,
  createdAt: true,
} as const;

/**
 * Shipments and labels of the shipping database.
 *
 * @example
 * ```ts
 * const repository = new ShipmentRepository(createShippingPrismaClient(url));
 * const outcome = await repository.createLabelOnce(shipment, inboxEntry, () => renderPdf(order));
 * const pdf = await repository.findLabel('ord_42'); // Buffer | null
 * ```
 */
export class ShipmentRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: ShipmentRepositoryOptions = {},
  ) {}

  /**
   * Creates the shipment and its label unless this event or this order was handled before;
   * see {@link LabelOutcome}. `renderLabel` runs inside the transaction, only for a new order.
   *
   * @throws TrackingNumberTakenError (not retriable) when another order has the number.
   * @throws whatever `renderLabel` or the database throws; nothing is written then.
   */
  createLabelOnce(
    shipment: NewShipment,
    event: InboxEntry,
    renderLabel: () => Promise<Buffer>,
  ): Promise<LabelOutcome> {
    return this.prisma.$transaction(
      async (tx): Promise<LabelOutcome> => {
        const inbox = await tx.inboxEvent.createMany({ data: [event], skipDuplicates: true });
        if (inbox.count === 0) return 'duplicate-event';
        const { orderId } = shipment;
        const existing = await tx.shipment.count({ where: { orderId } });
        if (existing > 0) return 'duplicate-order';
        // A copy as a plain Uint8Array: Prisma's Bytes type wants an ArrayBuffer-backed array.
        const labelPdf = new Uint8Array(await renderLabel());
        const created = await tx.shipment.createMany({
          data: [{ ...shipment, eventId: event.eventId, labelPdf }],
          skipDuplicates: true,
        });
        if (created.count === 1) return 'created';
        // ON CONFLICT DO NOTHING covers both unique keys: tell them apart.
        if ((await tx.shipment.count({ where: { orderId } })) > 0) return 'duplicate-order';
        throw new TrackingNumberTakenError(orderId, shipment.trackingNumber);
      },
      {
        timeout: this.options.transactionTimeoutMs ?? 15_000,
        maxWait: this.options.maxWaitMs ?? 5_000,
      },
    );
  }

  /** The shipment of an order (without the label bytes), or `null`. */
  findShipment(orderId: string): Promise<StoredShipment | null> {
    return this.prisma.shipment.findUnique({ where: { orderId }, select: withoutLabel });
  }

  /** The label PDF of an order, or `null`. */
  async findLabel(orderId: string): Promise<Buffer | null> {
    const row = await this.prisma.shipment.findUnique({
      where: { orderId },
      select: { labelPdf: true },
    });
    if (row === null) return null;
    const bytes = row.labelPdf;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Whether this event was handled already (its inbox row exists). */
  async wasHandled(eventId: string): Promise<boolean> {
    return (await this.prisma.inboxEvent.count({ where: { eventId } })) > 0;
  }
}
