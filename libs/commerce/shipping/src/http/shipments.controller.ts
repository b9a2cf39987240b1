/**
 * The shipping read model: `GET /shipments/:orderId` (contracts' `Shipment`, 404 `NotFound`)
 * and `GET /labels/:orderId.pdf` (the label, `application/pdf`, 404 `NotFound` as JSON).
 */
import { Controller, Get, HttpException, Param, StreamableFile } from '@nestjs/common';
import { type NotFound, type Shipment } from '@shopstream/commerce-contracts';
import { type StoredShipment } from '@shopstream/shipping-data';
import { ShippingDatabase } from '../database/shipping-database';

/** Where a shipment's label is served, relative to the service's URL. */
export function labelPath(orderId: string): string {
  return `/labels/${encodeURIComponent(orderId)}.pdf`;
}

export function toShipment(row: StoredShipment): Shipment {
  return {
    orderId: row.orderId,
    trackingNumber: row.trackingNumber,
    carrier: row.carrier,
    status: row.status,
    labelUrl: labelPath(row.orderId),
    createdAt: row.createdAt.toISOString(),
  };
}

function notFound(message: string): HttpException {
  const body: NotFound = { error: 'not_found', message };
  return new HttpException(body, 404);
}

@Controller()
export class ShipmentsController {
  constructor(private readonly database: ShippingDatabase) {}

  @Get('shipments/:orderId')
  async findShipment(@Param('orderId') orderId: string): Promise<Shipment> {
    const row = await this.database.shipments.findShipment(orderId);
    if (row === null) throw notFound(`no shipment for order "${orderId}" (yet)`);
    return toShipment(row);
  }

  /** `:file` is `<orderId>.pdf`: a route parameter cannot carry the suffix in every router. */
  @Get('labels/:file')
  async findLabel(@Param('file') file: string): Promise<StreamableFile> {
    const orderId = /^(.+)\.pdf$/.exec(file)?.[1];
    const pdf = orderId === undefined ? null : await this.database.shipments.findLabel(orderId);
    if (orderId === undefined || pdf === null) {
      throw notFound(`no label "${file}" (yet): labels are /labels/<orderId>.pdf`);
    }
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="label-${orderId}.pdf"`,
      length: pdf.length,
    });
  }
}
