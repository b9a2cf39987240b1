import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@shopstream/service-kit';
import { spsConnectOptions } from '../sps/sps-env';
import { postgresUrl, serviceEnvSchema } from './service-env';

const LOCAL_DB = 'postgresql://order_store:order_store@127.0.0.1:5433/order_store';
const schema = serviceEnvSchema(3001, { DATABASE_URL: postgresUrl(LOCAL_DB) });

function problemsOf(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig('order-store', schema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return Object.fromEntries((error as ConfigError).problems.map((p) => [p.variable, p.message]));
  }
  throw new Error('expected a ConfigError');
}

describe('service environment', () => {
  it('defaults to the local stack: 127.0.0.1, the service port, kafka on 127.0.0.1:9092', () => {
    expect(loadConfig('order-store', schema, {})).toEqual({
      HOST: '127.0.0.1',
      PORT: 3001,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      SPS_DRIVER: 'kafka',
      SPS_BROKERS: ['127.0.0.1:9092'],
      SPS_TLS: false,
      DATABASE_URL: LOCAL_DB,
    });
  });

  it('reads every key, and treats empty optional values as unset (compose files)', () => {
    const config = loadConfig('order-store', schema, {
      HOST: '0.0.0.0',
      PORT: '8081',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'pretty',
      SPS_BROKERS: 'kafka-1:9092, kafka-2:9092',
      SPS_SASL_USERNAME: '$ConnectionString',
      SPS_SASL_PASSWORD: 'Endpoint=sb://x',
      SPS_TLS: 'true',
      DATABASE_URL: 'postgres://u:p@db:5432/order_store',
    });
    expect(config).toMatchObject({ HOST: '0.0.0.0', PORT: 8081, SPS_TLS: true });
    expect(spsConnectOptions(config, 'order-store')).toEqual({
      driver: 'kafka',
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      clientId: 'order-store',
      ssl: true,
      sasl: { mechanism: 'plain', username: '$ConnectionString', password: 'Endpoint=sb://x' },
    });
    const plain = loadConfig('x', schema, { SPS_SASL_USERNAME: '', SPS_SASL_PASSWORD: '' });
    expect(spsConnectOptions(plain, 'x')).not.toHaveProperty('sasl');
  });

  it('names every wrong variable in one error', () => {
    expect(
      problemsOf({
        PORT: 'eighty',
        LOG_FORMAT: 'xml',
        LOG_LEVEL: 'loud',
        SPS_DRIVER: 'kinesis',
        SPS_BROKERS: 'localhost',
        SPS_TLS: 'maybe',
        SPS_SASL_USERNAME: 'alice',
        DATABASE_URL: 'mysql://x@y/z',
      }),
    ).toEqual({
      PORT: expect.any(String),
      LOG_FORMAT: 'must be json or pretty',
      LOG_LEVEL: 'must be one of fatal, error, warn, info, debug, trace, silent',
      SPS_DRIVER: expect.stringMatching(/^must be "kafka"/),
      'SPS_BROKERS.0': 'must be host:port, e.g. 127.0.0.1:9092',
      SPS_TLS: 'must be true or false',
      SPS_SASL_PASSWORD: 'is required when SPS_SASL_USERNAME is set',
      DATABASE_URL: expect.stringMatching(/^must be a postgresql:\/\/ URL/),
    });
  });
});
