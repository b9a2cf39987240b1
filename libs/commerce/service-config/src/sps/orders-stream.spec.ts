import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type SpsClient } from '@shopstream/sps-client';
import { Engine } from '@shopstream/sps-log';
import { tempDir, type TempDir } from '@shopstream/sps-testing';
import { ORDERS_STREAM_PARTITIONS, ensureOrdersStream } from './orders-stream';

let dir: TempDir;
let engine: Engine;
let clients: SpsClient[];

beforeEach(async () => {
  dir = await tempDir('orders-stream-');
  engine = await Engine.open({ dataDir: dir.path, fsync: 'never' });
  clients = await Promise.all([1, 2, 3].map(() => connect({ driver: 'embedded', engine })));
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await engine.close();
  await dir.remove();
});

describe('ensureOrdersStream', () => {
  it(`creates orders with ${ORDERS_STREAM_PARTITIONS} partitions once, however many services start at once`, async () => {
    const outcomes = await Promise.all(clients.map((c) => ensureOrdersStream(c)));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exists')).toHaveLength(2);
    const { partitions } = await clients[0]!.admin().describeStream('orders');
    expect(partitions).toHaveLength(ORDERS_STREAM_PARTITIONS);
    expect(await ensureOrdersStream(clients[0]!)).toBe('exists');
  });

  it('leaves an existing stream as it is', async () => {
    await clients[0]!.admin().createStream('orders', { partitions: 5 });
    expect(await ensureOrdersStream(clients[1]!)).toBe('exists');
    expect((await clients[1]!.admin().describeStream('orders')).partitions).toHaveLength(5);
  });
});
