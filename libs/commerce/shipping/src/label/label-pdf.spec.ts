// The label PDF read back with a real PDF parser (PDF.js) and a real barcode reader (ZXing):
// the text a person reads and the barcode a scanner reads must both be on it.
import { ORDER_PLACED_V1 } from '@shopstream/commerce-contracts';
import { describe, expect, it } from 'vitest';
import { readLabelPdf } from '../testing/label-pdf-reader';
import { MAX_LINES_SHOWN, countryLine, renderLabelPdf } from './label-pdf';
import { CARRIER, SHOP_SENDER } from './label.types';
import { parcelOf } from './parcel';
import { prepareLabel } from './shipping-label';
import { trackingNumberFor } from './tracking-number';

const order = ORDER_PLACED_V1.example;

describe('renderLabelPdf', () => {
  it('prints sender, ship-to, order id and parcel, and a Code 128 barcode of the tracking number', async () => {
    const { shipment, render } = prepareLabel(
      { ...order, shippingAddress: { ...order.shippingAddress, line2: 'Hinterhaus, 3. OG' } },
      { now: () => new Date('2026-11-25T10:00:00Z') },
    );
    const pdf = await render();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const label = await readLabelPdf(pdf);
    expect(label.pages).toBe(1);
    expect(label.barcodes).toEqual([trackingNumberFor(order.orderId)]);
    expect(shipment.trackingNumber).toBe(trackingNumberFor(order.orderId));
    const lines = label.text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'SHOPSTREAM PARCEL',
        '2026-11-25',
        'shopstream fulfilment, Lagerstraße 7, 10179 Berlin, GERMANY (DE)',
        'Ada Lovelace',
        'Friedrichstraße 123',
        'Hinterhaus, 3. OG',
        '10117 Berlin',
        'GERMANY (DE)',
        `Order ${order.orderId}`,
        '3 units, est. 0.79 kg',
        '2 × Organic Cotton Tee, Black, M (SKU-TEE-BLK-M)',
        '1 × Enamel Camp Mug, White (SKU-MUG-ENML-WHT)',
        `Tracking ${shipment.trackingNumber}`,
      ]),
    );
    // Sender before ship-to before the order: the reading order of a label.
    expect(label.text.indexOf('fulfilment')).toBeLessThan(label.text.indexOf('Ada Lovelace'));
    expect(label.text.indexOf('Ada Lovelace')).toBeLessThan(label.text.indexOf('Order '));
  });

  it('stays one page for a 40-line order, listing the first lines and counting the rest', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      sku: `SKU-LINE-${i}`,
      name: `A product with a rather long name, number ${i}, that needs to be cut short`,
      quantity: 1,
      unitPriceCents: 100,
    }));
    const pdf = await renderLabelPdf({
      orderId: 'ord_big',
      trackingNumber: trackingNumberFor('ord_big'),
      carrier: CARRIER,
      sender: SHOP_SENDER,
      shipTo: { ...order.shippingAddress, country: 'US', city: 'New York', postalCode: '10001' },
      parcel: parcelOf({ items }),
      createdAt: new Date(),
    });
    const label = await readLabelPdf(pdf);
    expect(label.pages).toBe(1);
    expect(label.text).toContain(`+ ${40 - MAX_LINES_SHOWN} more lines`);
    expect(label.text).toContain('UNITED STATES (US)');
    expect(label.barcodes).toEqual([trackingNumberFor('ord_big')]);
  });

  it('names countries in English with their code', () => {
    expect(countryLine('CH')).toBe('SWITZERLAND (CH)');
    expect(countryLine('GB')).toBe('UNITED KINGDOM (GB)');
  });
});
