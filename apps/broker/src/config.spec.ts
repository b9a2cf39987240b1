import { describe, expect, it } from 'vitest';
import { brokerOptions, ConfigError, envName, helpText, parseConfig } from './config';

const parse = (argv: string[], env: Record<string, string> = {}) => {
  const parsed = parseConfig(argv, env);
  if (parsed.help) throw new Error('unexpected --help');
  return parsed.config;
};

describe('broker configuration', () => {
  it('defaults to a local, durable broker on 9092 with Kafka-like group settings', () => {
    expect(parse([])).toEqual({
      host: '127.0.0.1',
      port: 9092,
      advertisedHost: undefined,
      advertisedPort: undefined,
      nodeId: 0,
      dataDir: 'var/broker',
      fsync: 'always',
      defaultPartitions: 1,
      autoCreateTopics: true,
      retentionMs: undefined,
      retentionBytes: undefined,
      retentionCheckIntervalMs: 60_000,
      minSessionTimeoutMs: 6_000,
      users: undefined,
      maxFrameBytes: 104_857_600,
      closeTimeoutMs: 5_000,
      logLevel: 'info',
    });
  });

  it('reads every option from flags or SPS_BROKER_* variables; a flag wins', () => {
    const env = {
      SPS_BROKER_PORT: '19092',
      SPS_BROKER_DATA_DIR: '/srv/sps',
      SPS_BROKER_FSYNC: '250',
      SPS_BROKER_SASL_USERS: 'alice:s3cret,bob:pa:ss',
      SPS_BROKER_AUTO_CREATE_TOPICS: 'false',
      SPS_BROKER_RETENTION_MS: '-1',
    };
    const config = parse(
      ['--port', '29092', '--advertised-host', 'broker.local', '--default-partitions', '3'],
      env,
    );
    expect(config).toMatchObject({
      port: 29_092,
      advertisedHost: 'broker.local',
      dataDir: '/srv/sps',
      fsync: { intervalMs: 250 },
      users: { alice: 's3cret', bob: 'pa:ss' },
      autoCreateTopics: false,
      retentionMs: -1,
      defaultPartitions: 3,
    });
    expect(parse(['--sasl-user', 'a:1', '--sasl-user', 'b:2'], env).users).toEqual({
      a: '1',
      b: '2',
    });
    expect(brokerOptions(config)).toMatchObject({
      topicDefaults: { ttlMs: -1 },
      users: { alice: 's3cret' },
    });
    expect(brokerOptions(parse([])).topicDefaults).toEqual({});
  });

  it.each([
    [['--port', '99999'], '--port (SPS_BROKER_PORT) must be a port number 0..65535, got "99999"'],
    [
      ['--fsync', 'sometimes'],
      '--fsync (SPS_BROKER_FSYNC) must be always, never or an interval in ms',
    ],
    [['--sasl-user', 'alice'], '--sasl-user (SPS_BROKER_SASL_USERS) entries must be name:password'],
    [['--sasl-user', 'a:1', '--sasl-user', 'a:2'], 'names user "a" twice'],
    [['--default-partitions', '0'], 'must be an integer 1..10000'],
    [
      ['--retention-ms', '0'],
      '--retention-ms (SPS_BROKER_RETENTION_MS) must be -1 or a positive integer',
    ],
    [['--auto-create-topics', 'yes'], 'must be true or false'],
    [['--log-level', 'loud'], 'must be debug, info, warn or error'],
    [['--data-dir', ' '], 'must not be empty'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseConfig(argv, {})).toThrow(ConfigError);
    expect(() => parseConfig(argv, {})).toThrow(message);
  });

  it('never echoes a password in an error', () => {
    expect(() => parseConfig([], { SPS_BROKER_SASL_USERS: 'alice:secret,nocolon' })).toThrow(
      /"nocolon"/,
    );
    expect(() => parseConfig([], { SPS_BROKER_SASL_USERS: ':secret' })).not.toThrow(/secret/);
  });

  it('--help lists every flag with its variable', () => {
    expect(parseConfig(['--help'], {})).toEqual({ help: true });
    const text = helpText();
    for (const flag of [
      'host',
      'port',
      'advertised-host',
      'data-dir',
      'fsync',
      'min-session-timeout-ms',
      'max-frame-bytes',
    ])
      expect(text).toContain(`--${flag}`);
    expect(text).toContain(envName({ flag: 'sasl-user', multiple: true }));
  });
});
