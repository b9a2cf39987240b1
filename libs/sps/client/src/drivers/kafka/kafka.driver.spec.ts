// Connecting with the kafka driver: options are checked and the cluster reached at connect(),
// SASL/PLAIN against the SPS broker, and an embedded application never loads kafkajs.
import { join } from 'node:path';
import { spawnScript, tempDir } from '@shopstream/sps-testing';
import { describe, expect, it } from 'vitest';
import { connect } from '../../connect';
import { listenerBehind, startTestBroker, TEST_CLIENT } from './__tests__/kafka-harness';
import { hasOpenssl, selfSignedCertificate, TlsTerminator } from './__tests__/tls-terminator';

describe('kafka driver: connect', () => {
  it('needs brokers, and fails at connect() when none answers', async () => {
    await expect(connect({ driver: 'kafka', brokers: [] })).rejects.toMatchObject({
      code: 'SPS_ERR_INVALID_ARGUMENT',
    });
    await expect(
      connect({
        driver: 'kafka',
        brokers: ['127.0.0.1:1'],
        logLevel: 'nothing',
        connectionTimeoutMs: 200,
        retry: { retries: 1, initialRetryTime: 20, maxRetryTime: 50 },
      }),
    ).rejects.toMatchObject({ code: 'SPS_ERR_TIMEOUT' });
  });

  it('authenticates with SASL/PLAIN; a wrong password is refused at connect()', async () => {
    const { broker, remove } = await startTestBroker({ users: { alice: 's3cret' } });
    try {
      const options = { driver: 'kafka', brokers: [broker.bootstrap], ...TEST_CLIENT } as const;
      const client = await connect({
        ...options,
        sasl: { mechanism: 'plain', username: 'alice', password: 's3cret' },
      });
      await client.admin().createStream('orders', { partitions: 1 });
      await client.producer().send('orders', [{ value: 'hello' }]);
      expect(
        (await client.admin().read('orders', 0, { from: 0 })).map((m) => String(m.value)),
      ).toEqual(['hello']);
      await client.close();
      await expect(
        connect({ ...options, sasl: { mechanism: 'plain', username: 'alice', password: 'wrong' } }),
      ).rejects.toMatchObject({ code: 'SPS_ERR_INVALID_ARGUMENT', retriable: false });
    } finally {
      await remove();
    }
  });

  it.skipIf(!hasOpenssl())(
    'reaches the broker over TLS with the CA given in `ssl`; an untrusted certificate fails connect()',
    async () => {
      const { broker, remove } = await startTestBroker();
      const certificate = await selfSignedCertificate();
      const tls = await listenerBehind(broker, (target) =>
        TlsTerminator.start(target, certificate),
      );
      try {
        const client = await connect({
          driver: 'kafka',
          brokers: [tls.bootstrap],
          ssl: { ca: [certificate.cert] },
          ...TEST_CLIENT,
        });
        await client.producer().send('orders', [{ value: 'over tls' }]);
        expect(
          (await client.admin().read('orders', 0, { from: 0 })).map((m) => String(m.value)),
        ).toEqual(['over tls']);
        await client.close();
        await expect(
          connect({
            driver: 'kafka',
            brokers: [tls.bootstrap],
            ssl: true, // the system CAs do not know a self-signed certificate
            ...TEST_CLIENT,
            retry: { retries: 1, initialRetryTime: 20, maxRetryTime: 50 },
          }),
        ).rejects.toMatchObject({ code: 'SPS_ERR_TIMEOUT' });
      } finally {
        await tls.close();
        await remove();
      }
    },
  );

  it('is never loaded by an application on the embedded driver', async () => {
    const dir = await tempDir('sps-embedded-only-');
    try {
      const child = spawnScript(join(__dirname, '__fixtures__/embedded-only.child.ts'), {
        args: [dir.path],
      });
      expect(await child.waitForLine(/^kafkajs loaded: /)).toBe('kafkajs loaded: false');
      await child.exited;
    } finally {
      await dir.remove();
    }
  });
});
