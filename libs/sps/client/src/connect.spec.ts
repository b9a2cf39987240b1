import { tempDir } from '@shopstream/sps-testing';
import { Engine } from '@shopstream/sps-log';
import { describe, expect, it } from 'vitest';
import { connect } from './connect';
import { EmbeddedDriver } from './drivers/embedded/embedded.driver';

describe('connect', () => {
  it('opens an engine on a data directory and closes it with the client', async () => {
    const dir = await tempDir();
    try {
      const client = await connect({
        driver: 'embedded',
        dataDir: dir.path,
        engineOptions: { fsync: 'never' },
      });
      expect(client.driverName).toBe('embedded');
      await client.producer().send('orders', [{ key: 'ord_1', value: 'kept' }]); // auto-created
      await client.close();

      const reopened = await Engine.open({ dataDir: dir.path });
      const { records } = await reopened.readRecords('orders', 0, 0);
      expect(records.map((r) => r.value!.toString())).toEqual(['kept']);
      await reopened.close();
    } finally {
      await dir.remove();
    }
  });

  it('leaves a shared engine open, and takes a driver instance as it is', async () => {
    const dir = await tempDir();
    const engine = await Engine.open({ dataDir: dir.path, fsync: 'never' });
    try {
      await (await connect({ driver: 'embedded', engine })).close();
      expect(engine.listStreams()).toEqual([]); // still open: a closed engine would throw
      const client = await connect({ driver: new EmbeddedDriver(engine, false) });
      await client.admin().createStream('orders', { partitions: 2 });
      expect(await client.admin().listStreams()).toEqual(['orders']);
      await client.close();
    } finally {
      await engine.close();
      await dir.remove();
    }
  });

  it('names the drivers it knows when asked for another one', async () => {
    // @ts-expect-error: not a registered driver
    await expect(connect({ driver: 'kinesis' })).rejects.toMatchObject({
      code: 'SPS_ERR_INVALID_ARGUMENT',
      message: expect.stringContaining('known: embedded'),
    });
  });
});
