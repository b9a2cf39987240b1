// Smoke test of the crm app: the root module boots with configuration from an
// environment (a real PostgreSQL) and answers /health; a wrong environment exits with code 2.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createCrmApp } from '@shopstream/commerce-crm';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { applyCrmMigrations } from '@shopstream/crm-data/testing';
import { loadConfig } from '@shopstream/service-kit';
import { Engine } from '@shopstream/sps-log';
import { spawnScript, tempDir, type TempDir } from '@shopstream/sps-testing';
import { crmAppModule } from './app.module';
import { SERVICE, crmConfigSchema } from './crm.config';

describe('crm app', () => {
  let postgres: TestPostgres;
  let dir: TempDir;
  let engine: Engine;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    dir = await tempDir('crm-app-');
    engine = await Engine.open({ dataDir: dir.path, fsync: 'never' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await engine?.close();
    await dir?.remove();
    await postgres?.stop();
  });

  it('boots from its environment, joins its group and answers /health', async () => {
    const { url } = await postgres.ensureDatabase('crm');
    await applyCrmMigrations(url);
    const config = loadConfig(SERVICE, crmConfigSchema, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
    });
    app = await createCrmApp(crmAppModule(config, { driver: 'embedded', engine }));
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
    expect(child.stderr()).toMatch(/crm: invalid configuration/);
    expect(child.stderr()).toContain('- DATABASE_URL');
    expect(child.stderr()).toContain('- SPS_TLS');
  });
});
