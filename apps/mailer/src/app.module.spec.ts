// Smoke test of the mailer app: the root module boots with configuration from an environment
// (a real PostgreSQL and SMTP server) and answers /health; a wrong environment exits with 2.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createMailerApp } from '@shopstream/commerce-mailer';
import { type MailCatcher } from '@shopstream/local-infra';
import {
  startTestMailCatcher,
  startTestPostgres,
  type TestPostgres,
} from '@shopstream/local-infra/testing';
import { applyMailerMigrations } from '@shopstream/mailer-data/testing';
import { loadConfig } from '@shopstream/service-kit';
import { Engine } from '@shopstream/sps-log';
import { spawnScript, tempDir, type TempDir } from '@shopstream/sps-testing';
import { mailerAppModule } from './app.module';
import { SERVICE, mailerConfigSchema } from './mailer.config';

describe('mailer app', () => {
  let postgres: TestPostgres;
  let catcher: MailCatcher;
  let dir: TempDir;
  let engine: Engine;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    [postgres, catcher] = await Promise.all([startTestPostgres(), startTestMailCatcher()]);
    dir = await tempDir('mailer-app-');
    engine = await Engine.open({ dataDir: dir.path, fsync: 'never' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await engine?.close();
    await dir?.remove();
    await Promise.all([postgres?.stop(), catcher?.stop()]);
  });

  it('boots from its environment, joins its group and answers /health', async () => {
    const { url } = await postgres.ensureDatabase('mailer');
    await applyMailerMigrations(url);
    const config = loadConfig(SERVICE, mailerConfigSchema, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      SMTP_PORT: String(catcher.smtpPort),
    });
    expect(config).toMatchObject({
      SMTP_HOST: '127.0.0.1',
      MAIL_FROM: 'shopstream <orders@shopstream.local>',
    });
    app = await createMailerApp(mailerAppModule(config, { driver: 'embedded', engine }));
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
      env: { SMTP_PORT: '70000', MAIL_FROM: 'nobody', SPS_SASL_PASSWORD: 'secret' },
    });
    expect(await child.exited).toBe(2);
    const stderr = child.stderr();
    expect(stderr).toMatch(/mailer: invalid configuration/);
    for (const variable of ['SMTP_PORT', 'MAIL_FROM', 'SPS_SASL_USERNAME'])
      expect(stderr).toContain(`- ${variable}`);
    expect(stderr).not.toContain('secret');
  });
});
