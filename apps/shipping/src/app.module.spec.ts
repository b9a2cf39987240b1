// Smoke test of the shipping app: the root module boots with configuration from an
// environment (a real PostgreSQL) and answers /health; a wrong environment exits with code 2.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createShippingApp } from '@shopstream/commerce-shipping';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { applyShippingMigrations } from '@shopstream/shipping-data/testing';
import { loadConfig } from '@shopstream/service-kit';
import { Engine } from '@shopstream/sps-log';
import { spawnScript, tempDir, type TempDir } from '@shopstream/sps-testing';
import { shippingAppModule } from './app.module';
import { SERVICE, shippingConfigSchema } from './shipping.config';

describe('shipping app', () => {
  let postgres: TestPostgres;
  let dir: TempDir;
  let engine: Engine;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    dir = await tempDir('shipping-app-');
    engine = await Engine.open({ dataDir: dir.path, fsync: 'never' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await engine?.close();
    await dir?.remove();
    await postgres?.stop();
  });

  it('boots from its environment, joins its group and answers /health', async () => {
    const { url } = await postgres.ensureDatabase('shipping');
    await applyShippingMigrations(url);
    const config = loadConfig(SERVICE, shippingConfigSchema, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
    });
    app = await createShippingApp(shippingAppModule(config, { driver: 'embedded', engine }));
    await app.startAllMicroservices();
    await app.listen(config.PORT, config.HOST);
    const health = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, stream: { status: 'up' } },
    });
  });

  it('exits with code 2 naming every wrong variable', async () => {
    const child = spawnScript(join(__dirname, 'main.ts'), {
      env: { DATABASE_URL: 'mysql://nope', SPS_TLS: 'maybe' },
    });
    expect(await child.exited).toBe(2);
    expect(child.stderr()).toMatch(/shipping: invalid configuration/);
    expect(child.stderr()).toContain('- DATABASE_URL');
    expect(child.stderr()).toContain('- SPS_TLS');
  });
});
