// The shipping repository against a real PostgreSQL 18, migrated by the real
// `prisma migrate deploy` (the checked-in migrations), as the local stack does it.
import { MIGRATE_DEPLOY_DONE, runPrismaCli } from '@shopstream/local-infra';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShippingPrismaClient, type ShippingPrismaClient } from './shipping.client';
import { SHIPPING_DATABASE_URL_ENV } from './shipping-database';
import { ShipmentRepository } from './shipment.repository';
import { type InboxEntry, type NewShipment } from './shipment.types';
import { TrackingNumberTakenError } from './tracking-number-taken.error';

function aShipment(orderId: string, trackingNumber = `SS${orderId.slice(4)}`): NewShipment {
  return {
    orderId,
    trackingNumber,
    carrier: 'shopstream-parcel',
    country: 'DE',
    units: 3,
    weightGrams: 900,
  };
}

let nextIndex = 0n;
function anEvent(eventId: string): InboxEntry {
  return { eventId, consumerGroup: 'shipping', stream: 'orders', partition: 1, index: nextIndex++ };
}

const pdf = (text: string) => () => Promise.resolve(Buffer.from(`%PDF-1.3 ${text}`));

describe('ShipmentRepository', () => {
  let server: TestPostgres;
  let prisma: ShippingPrismaClient;
  let repository: ShipmentRepository;

  beforeAll(async () => {
    server = await startTestPostgres();
    const { url } = await server.ensureDatabase('shipping');
    const { output } = await runPrismaCli(['migrate', 'deploy'], {
      configFile: join(__dirname, '../prisma.config.ts'),
      env: { [SHIPPING_DATABASE_URL_ENV]: url },
      doneWhen: MIGRATE_DEPLOY_DONE,
    });
    expect(output).toMatch(/All migrations have been successfully applied/);
    prisma = createShippingPrismaClient(url);
    repository = new ShipmentRepository(prisma);
  }, 120_000);
  afterAll(async () => {
    await prisma?.$disconnect();
    await server?.stop();
  });

  it('stores the shipment, its label and the inbox row, and reads them back', async () => {
    expect(await repository.createLabelOnce(aShipment('ord_1'), anEvent('evt_1'), pdf('one'))).toBe(
      'created',
    );
    expect(await repository.findShipment('ord_1')).toEqual({
      ...aShipment('ord_1'),
      eventId: 'evt_1',
      status: 'label_created',
      createdAt: expect.any(Date),
    });
    expect((await repository.findLabel('ord_1'))?.toString()).toBe('%PDF-1.3 one');
    expect(await repository.wasHandled('evt_1')).toBe(true);
    expect(await repository.findShipment('ord_none')).toBeNull();
    expect(await repository.findLabel('ord_none')).toBeNull();
  });

  it('renders nothing and changes nothing for a redelivered event or a re-published order', async () => {
    let renders = 0;
    const render = () => {
      renders++;
      return Promise.resolve(Buffer.from(`%PDF-1.3 render ${renders}`));
    };
    expect(await repository.createLabelOnce(aShipment('ord_2'), anEvent('evt_2'), render)).toBe(
      'created',
    );
    expect(await repository.createLabelOnce(aShipment('ord_2'), anEvent('evt_2'), render)).toBe(
      'duplicate-event',
    );
    expect(await repository.createLabelOnce(aShipment('ord_2'), anEvent('evt_2b'), render)).toBe(
      'duplicate-order',
    );
    expect(renders).toBe(1);
    expect((await repository.findLabel('ord_2'))?.toString()).toBe('%PDF-1.3 render 1');
    expect(await repository.findShipment('ord_2')).toMatchObject({ eventId: 'evt_2' });
  });

  it('writes nothing when rendering fails, so the redelivery creates the label', async () => {
    const failing = () => Promise.reject(new Error('font missing'));
    await expect(
      repository.createLabelOnce(aShipment('ord_3'), anEvent('evt_3'), failing),
    ).rejects.toThrow('font missing');
    expect(await repository.wasHandled('evt_3')).toBe(false);
    expect(await repository.findShipment('ord_3')).toBeNull();
    expect(await repository.createLabelOnce(aShipment('ord_3'), anEvent('evt_3'), pdf('3'))).toBe(
      'created',
    );
  });

  it('creates one label when deliveries of one order race', async () => {
    const outcomes = await Promise.all(
      ['evt_4a', 'evt_4b', 'evt_4c', 'evt_4a'].map((id) =>
        repository.createLabelOnce(aShipment('ord_4'), anEvent(id), pdf(id)),
      ),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(await prisma.shipment.count({ where: { orderId: 'ord_4' } })).toBe(1);
  });

  it('refuses a tracking number that belongs to another order, and rolls back', async () => {
    await repository.createLabelOnce(aShipment('ord_5', 'SS555'), anEvent('evt_5'), pdf('5'));
    const clash = repository.createLabelOnce(
      aShipment('ord_6', 'SS555'),
      anEvent('evt_6'),
      pdf('6'),
    );
    await expect(clash).rejects.toBeInstanceOf(TrackingNumberTakenError);
    await expect(clash).rejects.toMatchObject({ retriable: false });
    expect(await repository.wasHandled('evt_6')).toBe(false);
    expect(await repository.findShipment('ord_6')).toBeNull();
  });
});
