// Smoke test of the stock app: the root module boots with configuration from an environment
// (a real PostgreSQL), seeds the catalog and answers /health; a wrong environment exits with 2.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { CATALOG } from '@shopstream/commerce-contracts';
import { createStockApp } from '@shopstream/commerce-stock';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { applyStockMigrations } from '@shopstream/stock-data/testing';
import { loadConfig } from '@shopstream/service-kit';
import { Engine } from '@shopstream/sps-log';
import { spawnScript, tempDir, type TempDir } from '@shopstream/sps-testing';
import { stockAppModule } from './app.module';
import { SERVICE, stockConfigSchema } from './stock.config';

describe('stock app', () => {
  let postgres: TestPostgres;
  let dir: TempDir;
  let engine: Engine;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    dir = await tempDir('stock-app-');
    engine = await Engine.open({ dataDir: dir.path, fsync: 'never' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await engine?.close();
    await dir?.remove();
    await postgres?.stop();
  });

  it('boots from its environment, seeds the catalog, joins its group and answers /health', async () => {
    const { url } = await postgres.ensureDatabase('stock');
    await applyStockMigrations(url);
    const config = loadConfig(SERVICE, stockConfigSchema, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
    });
    app = await createStockApp(stockAppModule(config, { driver: 'embedded', engine }));
    await app.startAllMicroservices();
    await app.listen(config.PORT, config.HOST);
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, stream: { status: 'up' } },
    });
    const stock = (await (await fetch(`${base}/stock`)).json()) as unknown[];
    expect(stock).toHaveLength(CATALOG.length);
  });

  it('exits with code 2 naming every wrong variable', async () => {
    const child = spawnScript(join(__dirname, 'main.ts'), {
      env: { DATABASE_URL: 'mysql://nope', SPS_TLS: 'maybe' },
    });
    expect(await child.exited).toBe(2);
    expect(child.stderr()).toMatch(/stock: invalid configuration/);
    expect(child.stderr()).toContain('- DATABASE_URL');
    expect(child.stderr()).toContain('- SPS_TLS');
  });
});
