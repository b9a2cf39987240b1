import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigError, configFields, loadConfig } from './load-config';

const schema = z.object({
  SVC_PORT: configFields.port(3000),
  SVC_HOST: configFields.host(),
  DATABASE_URL: configFields.url(),
  BROKERS: configFields.list('127.0.0.1:9092'),
});

describe('loadConfig', () => {
  it('applies defaults and coercion', () => {
    const config = loadConfig('svc', schema, {
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5433/db',
      BROKERS: 'a:1, b:2',
    });
    expect(config).toEqual({
      SVC_PORT: 3000,
      SVC_HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5433/db',
      BROKERS: ['a:1', 'b:2'],
    });
  });

  it('names every wrong variable in one error', () => {
    let error: unknown;
    try {
      loadConfig('svc', schema, { SVC_PORT: 'ninety', DATABASE_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^svc: invalid configuration/);
    expect(message).toMatch(/SVC_PORT: /);
    expect(message).toMatch(/DATABASE_URL: /);
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'SVC_PORT',
    ]);
  });
});
