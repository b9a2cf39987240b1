// Smoke test of the order-api app: the root module boots with configuration from an
// environment and answers /health; a wrong environment stops main.ts with exit code 2.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@shopstream/service-kit';
import { createOrderApiApp } from '@shopstream/commerce-order-api';
import { Engine } from '@shopstream/sps-log';
import { spawnScript, tempDir, type TempDir } from '@shopstream/sps-testing';
import { orderApiAppModule } from './app.module';
import { SERVICE, orderApiConfigSchema } from './order-api.config';

describe('order-api app', () => {
  let dir: TempDir;
  let engine: Engine;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dir = await tempDir('order-api-app-');
    engine = await Engine.open({ dataDir: dir.path, fsync: 'never' });
  });
  afterAll(async () => {
    await app?.close();
    await engine?.close();
    await dir?.remove();
  });

  it('boots from its environment and answers /health', async () => {
    const config = loadConfig(SERVICE, orderApiConfigSchema, { PORT: '0', LOG_LEVEL: 'silent' });
    expect(config).toMatchObject({
      HOST: '127.0.0.1',
      SPS_DRIVER: 'kafka',
      SPS_BROKERS: ['127.0.0.1:9092'],
    });
    // The same module main.ts builds, on the embedded engine instead of a broker.
    app = await createOrderApiApp(orderApiAppModule(config, { driver: 'embedded', engine }));
    await app.listen(config.PORT, config.HOST);
    const health = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', info: { stream: { status: 'up' } } });
  });

  it('exits with code 2 naming every wrong variable', async () => {
    const child = spawnScript(join(__dirname, 'main.ts'), {
      env: { PORT: 'eighty', SPS_BROKERS: 'no-port', LOG_FORMAT: 'xml' },
    });
    expect(await child.exited).toBe(2);
    expect(child.stderr()).toMatch(/order-api: invalid configuration/);
    for (const variable of ['PORT', 'SPS_BROKERS', 'LOG_FORMAT']) {
      expect(child.stderr()).toContain(`- ${variable}`);
    }
  });
});
