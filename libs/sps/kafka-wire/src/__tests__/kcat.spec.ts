// kcat 1.7.1 / librdkafka 2.0.2 against the real server (skipped when kcat is not installed:
// `apt-get install -y kcat`). librdkafka opens with a flexible ApiVersions v3; the server's
// v0-layout UNSUPPORTED_VERSION answer must make it retry with v0 and carry on.
import { execFile, execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey } from '../protocol/api-keys';
import { type KafkaServer } from '../server/kafka-server';
import { metadataStub, startServer } from './helpers/test-server';

function hasKcat(): boolean {
  try {
    execFileSync('kcat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function kcat(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('kcat', args, { timeout: 15_000 }, (error, stdout, stderr) =>
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
        stdout,
        stderr,
      }),
    );
  });
}

let servers: KafkaServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(users?: Record<string, string>) {
  const started = await startServer(users === undefined ? {} : { users });
  servers.push(started.server);
  const apiVersionsSeen: number[] = [];
  // Wrap the built-in ApiVersions handler to see which versions reach it (v3 never does).
  started.server.register(ApiKey.ApiVersions, (_request, ctx) => {
    apiVersionsSeen.push(ctx.apiVersion);
    return Promise.resolve({
      errorCode: 0,
      apiKeys: started.server.advertised(),
      throttleTimeMs: 0,
    });
  });
  started.server.register(
    ApiKey.Metadata,
    metadataStub(() => started.port, { orders: 3, audit: 1 }),
  );
  return { ...started, apiVersionsSeen };
}

describe.skipIf(!hasKcat())('kcat (librdkafka 2.0.2)', () => {
  it('`kcat -L` negotiates down from ApiVersions v3 to v0 and lists the topics', async () => {
    const { port, apiVersionsSeen } = await server();
    const result = await kcat(['-L', '-J', '-b', `127.0.0.1:${port}`, '-m', '5']);
    expect(result.code, result.stderr).toBe(0);
    const metadata = JSON.parse(result.stdout) as {
      brokers: Array<{ id: number; name: string }>;
      topics: Array<{ topic: string; partitions: unknown[] }>;
    };
    expect(metadata.brokers).toEqual([{ id: 0, name: `127.0.0.1:${port}` }]);
    expect(metadata.topics.map((t) => [t.topic, t.partitions.length]).sort()).toEqual([
      ['audit', 1],
      ['orders', 3],
    ]);
    expect(apiVersionsSeen[0]).toBe(0);
  });

  it('authenticates with SASL/PLAIN (SaslHandshake v1 + SaslAuthenticate), and fails with a bad password', async () => {
    const { port, log } = await server({ alice: 's3cret' });
    const sasl = (password: string) => [
      '-L',
      '-J',
      '-b',
      `127.0.0.1:${port}`,
      '-m',
      '5',
      '-X',
      'security.protocol=SASL_PLAINTEXT',
      '-X',
      'sasl.mechanisms=PLAIN',
      '-X',
      'sasl.username=alice',
      '-X',
      `sasl.password=${password}`,
    ];
    const good = await kcat(sasl('s3cret'));
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain('"orders"');
    const bad = await kcat(sasl('wrong'));
    expect(bad.code).not.toBe(0);
    expect(log.some((l) => l.msg === 'closing connection: SASL/PLAIN authentication failed')).toBe(
      true,
    );
  });
});
