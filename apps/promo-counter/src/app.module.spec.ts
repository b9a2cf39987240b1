// Smoke test of the promo-counter app: the root module boots with configuration from an
// environment, starts its reader and answers /health; a wrong environment exits with code 2.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPromoCounterApp } from '@shopstream/commerce-promo-counter';
import { loadConfig } from '@shopstream/service-kit';
import { Engine } from '@shopstream/sps-log';
import { spawnScript, tempDir, type TempDir } from '@shopstream/sps-testing';
import { promoCounterAppModule } from './app.module';
import { SERVICE, promoCounterConfigSchema } from './promo-counter.config';

describe('promo-counter app', () => {
  let dir: TempDir;
  let engine: Engine;
  let app: NestFastifyApplication | undefined;

  beforeAll(async () => {
    dir = await tempDir('promo-counter-app-');
    engine = await Engine.open({ dataDir: join(dir.path, 'engine'), fsync: 'never' });
  });
  afterAll(async () => {
    await app?.close();
    await engine?.close();
    await dir?.remove();
  });

  it('boots from its environment, starts its reader, answers /health and snapshots on stop', async () => {
    const snapshotDir = join(dir.path, 'snapshots');
    const config = loadConfig(SERVICE, promoCounterConfigSchema, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      SNAPSHOT_DIR: snapshotDir,
    });
    expect(config).toMatchObject({ SNAPSHOT_INTERVAL_MS: 5000, SSE_HEARTBEAT_MS: 15000 });
    app = await createPromoCounterApp(
      promoCounterAppModule(config, { driver: 'embedded', engine }),
    );
    await app.listen(config.PORT, config.HOST);
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      info: { stream: { status: 'up' }, reader: { status: 'up', caughtUp: true } },
    });
    expect((await fetch(`${url}/promos`)).status).toBe(200);
    await app.close();
    app = undefined;
    // Nothing was read, so there was nothing to save.
    expect(await readdir(snapshotDir).catch(() => [])).toEqual([]);
  });

  it('exits with code 2 naming every wrong variable', async () => {
    const child = spawnScript(join(__dirname, 'main.ts'), {
      env: { SNAPSHOT_INTERVAL_MS: '10', SSE_HEARTBEAT_MS: 'often', SPS_TLS: 'maybe' },
    });
    expect(await child.exited).toBe(2);
    expect(child.stderr()).toMatch(/promo-counter: invalid configuration/);
    expect(child.stderr()).toContain('- SNAPSHOT_INTERVAL_MS: must be at least 100 (ms)');
    expect(child.stderr()).toContain('- SSE_HEARTBEAT_MS');
    expect(child.stderr()).toContain('- SPS_TLS');
  });
});
