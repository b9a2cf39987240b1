/**
 * The shipping label as a PDF (pdfkit, the only file that imports it): one A6 page (105 × 148
 * mm, the usual thermal label) with, top to bottom, the carrier and date, the sender (the
 * shop), the ship-to address in large type, the order id, the parcel summary (lines, units,
 * weight estimate) and the tracking number as a Code 128 barcode with the digits beneath.
 *
 * Text uses PDF's standard Helvetica (no font file to ship, Windows-1252 glyphs only: the
 * address was checked by checkDestination; anything else, e.g. a product name, is printed with
 * `?` in place of a character it cannot show). At most {@link MAX_LINES_SHOWN} order lines are
 * listed, then "+ n more lines", so the label stays one page for any order size.
 */
import PDFDocument from 'pdfkit';
import { type ShippingAddress } from './label.types';
import { code128Png } from './barcode';
import { isPrintable } from './destinations';
import { formatWeight, type Parcel } from './parcel';

/** Order lines listed on a label before the rest is summarised. */
export const MAX_LINES_SHOWN = 6;

/** A6 in PDF points (1/72 inch). */
const A6: [number, number] = [297.64, 419.53];
const MARGIN = 18;
const WIDTH = A6[0] - 2 * MARGIN;

export interface LabelContent {
  orderId: string;
  trackingNumber: string;
  carrier: string;
  sender: ShippingAddress;
  shipTo: ShippingAddress;
  parcel: Parcel;
  /** Printed on the label and used as the PDF's creation date. */
  createdAt: Date;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** `GERMANY (DE)`: the country in words for people, the code for sorting machines. */
export function countryLine(code: string): string {
  return `${(regionNames.of(code) ?? code).toUpperCase()} (${code})`;
}

function printable(text: string): string {
  return [...text].map((c) => (isPrintable(c) ? c : '?')).join('');
}

function addressLines(a: ShippingAddress): string[] {
  return [
    a.name,
    a.line1,
    ...(a.line2 ? [a.line2] : []),
    `${a.postalCode} ${a.city}`,
    countryLine(a.country),
  ];
}

/**
 * Renders the label.
 *
 * @example
 * const pdf = await renderLabelPdf({ orderId, trackingNumber, carrier, sender, shipTo, parcel, createdAt });
 */
export async function renderLabelPdf(label: LabelContent): Promise<Buffer> {
  const barcode = await code128Png(label.trackingNumber);
  const doc = new PDFDocument({
    size: A6,
    margin: MARGIN,
    info: {
      Title: `Shipping label ${label.orderId}`,
      Author: 'shopstream shipping',
      Subject: label.trackingNumber,
      CreationDate: label.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(11).text(label.carrier.toUpperCase(), { continued: true });
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(label.createdAt.toISOString().slice(0, 10), { align: 'right' });
  doc
    .moveTo(MARGIN, doc.y + 2)
    .lineTo(MARGIN + WIDTH, doc.y + 2)
    .stroke();

  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(7).text('FROM');
  doc.font('Helvetica').fontSize(8).text(addressLines(label.sender).join(', '), { width: WIDTH });

  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(7).text('SHIP TO');
  doc.font('Helvetica-Bold').fontSize(13);
  for (const line of addressLines(label.shipTo)) doc.text(line, { width: WIDTH });

  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(9).text(`Order ${label.orderId}`);
  const { parcel } = label;
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(
      `${parcel.units} ${parcel.units === 1 ? 'unit' : 'units'}, est. ${formatWeight(parcel.weightGrams)}`,
    );
  for (const line of parcel.lines.slice(0, MAX_LINES_SHOWN)) {
    doc.text(`${line.quantity} × ${printable(line.name)} (${line.sku})`, {
      width: WIDTH,
      lineBreak: false,
      ellipsis: true,
      height: 10,
    });
  }
  const hidden = parcel.lines.length - MAX_LINES_SHOWN;
  if (hidden > 0) doc.text(`+ ${hidden} more ${hidden === 1 ? 'line' : 'lines'}`);

  // The barcode sits at the bottom of the page whatever the address length above it.
  const top = A6[1] - MARGIN - 92;
  doc.image(barcode, MARGIN, top, { fit: [WIDTH, 72], align: 'center', valign: 'center' });
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .text(`Tracking ${label.trackingNumber}`, MARGIN, top + 76, { width: WIDTH, align: 'center' });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
