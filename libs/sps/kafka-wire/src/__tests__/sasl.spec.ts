// SASL/PLAIN end to end: kafkajs 2.2.4 as the client (SaslHandshake v1 + SaslAuthenticate v1),
// and raw frames for the KIP-43 v0 flow and the failure paths.
import { Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey } from '../protocol/api-keys';
import { decodeResponse } from '../protocol/codec';
import { type KafkaServer } from '../server/kafka-server';
import { RawClient } from './helpers/raw-client';
import { metadataStub, startServer } from './helpers/test-server';

const users = { alice: 's3cret' };
let servers: KafkaServer[] = [];
let clients: RawClient[] = [];

async function saslServer(withUsers = true) {
  const started = await startServer(withUsers ? { users } : {});
  started.server.register(
    ApiKey.Metadata,
    metadataStub(() => started.port, { orders: 3 }),
  );
  servers.push(started.server);
  return started;
}

async function raw(port: number): Promise<RawClient> {
  const c = await RawClient.connect(port);
  clients.push(c);
  return c;
}

function kafkajs(port: number, sasl?: { mechanism: 'plain'; username: string; password: string }) {
  return new Kafka({
    clientId: 'sasl-test',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    ...(sasl === undefined ? {} : { sasl }),
  }).admin();
}

const allTopics = {
  topics: null,
  allowAutoTopicCreation: false,
  includeClusterAuthorizedOperations: false,
  includeTopicAuthorizedOperations: false,
};
const plainToken = (user: string, password: string) =>
  Buffer.from(`\u0000${user}\u0000${password}`, 'utf8');
const withSize = (b: Buffer) =>
  Buffer.concat([Buffer.from([0, 0, b.length >> 8, b.length & 0xff]), b]);

afterEach(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

describe('SASL/PLAIN with kafkajs 2.2.4', () => {
  it('authenticates and then serves requests', async () => {
    const { port } = await saslServer();
    const admin = kafkajs(port, { mechanism: 'plain', username: 'alice', password: 's3cret' });
    await admin.connect();
    expect(await admin.listTopics()).toEqual(['orders']);
    await admin.disconnect();
  });

  it('rejects a bad password with SASL_AUTHENTICATION_FAILED, closes, logs one line', async () => {
    const { port, log } = await saslServer();
    const admin = kafkajs(port, { mechanism: 'plain', username: 'alice', password: 'wrong' });
    await expect(admin.connect()).rejects.toMatchObject({
      name: 'KafkaJSSASLAuthenticationError',
      message: expect.stringContaining('Invalid username or password'),
    });
    expect(
      log.filter((l) => l.msg === 'closing connection: SASL/PLAIN authentication failed'),
    ).toHaveLength(1);
  });

  it('a client without SASL is disconnected at its first non-SASL request', async () => {
    const { port, log } = await saslServer();
    const admin = kafkajs(port);
    await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow();
    await admin.disconnect();
    expect(
      log.some(
        (l) =>
          l.msg === 'closing connection: Metadata request before SASL authentication completed',
      ),
    ).toBe(true);
  });
});

describe('SASL on the wire', () => {
  it('advertises SaslHandshake and SaslAuthenticate only when users are configured', async () => {
    for (const withUsers of [true, false]) {
      const { port } = await saslServer(withUsers);
      const c = await raw(port);
      c.send(ApiKey.ApiVersions, 2, 1, {});
      const keys = decodeResponse(ApiKey.ApiVersions, 2, (await c.next()).body).apiKeys.map(
        (k) => k.apiKey,
      );
      expect(keys.includes(17) && keys.includes(36)).toBe(withUsers);
    }
  });

  it('KIP-43 v0 flow: handshake v0, then a bare token frame answered with an empty token', async () => {
    const { port } = await saslServer();
    const c = await raw(port);
    c.send(ApiKey.SaslHandshake, 0, 1, { mechanism: 'PLAIN' });
    expect(decodeResponse(ApiKey.SaslHandshake, 0, (await c.next()).body)).toEqual({
      errorCode: 0,
      mechanisms: ['PLAIN'],
    });
    c.write(withSize(plainToken('alice', 's3cret')));
    expect(await c.nextFrame()).toEqual(Buffer.alloc(0));
    c.send(ApiKey.Metadata, 4, 2, allTopics);
    expect(
      decodeResponse(ApiKey.Metadata, 4, (await c.next()).body).topics.map((t) => t.name),
    ).toEqual(['orders']);
  });

  it('KIP-43 v0 flow with a bad token closes without a response', async () => {
    const { port } = await saslServer();
    const c = await raw(port);
    c.send(ApiKey.SaslHandshake, 0, 1, { mechanism: 'PLAIN' });
    await c.next();
    c.write(withSize(plainToken('alice', 'nope')));
    expect(await c.closesWithin(1000)).toBe(true);
  });

  it('an unsupported mechanism gets UNSUPPORTED_SASL_MECHANISM and the list, then a close', async () => {
    const { port } = await saslServer();
    const c = await raw(port);
    c.send(ApiKey.SaslHandshake, 1, 1, { mechanism: 'SCRAM-SHA-256' });
    expect(decodeResponse(ApiKey.SaslHandshake, 1, (await c.next()).body)).toEqual({
      errorCode: 33,
      mechanisms: ['PLAIN'],
    });
    expect(await c.closesWithin(1000)).toBe(true);
  });

  it('SaslAuthenticate without a handshake gets ILLEGAL_SASL_STATE, then a close', async () => {
    const { port } = await saslServer();
    const c = await raw(port);
    c.send(ApiKey.SaslAuthenticate, 1, 1, { authBytes: plainToken('alice', 's3cret') });
    expect(decodeResponse(ApiKey.SaslAuthenticate, 1, (await c.next()).body).errorCode).toBe(34);
    expect(await c.closesWithin(1000)).toBe(true);
  });

  it('a second handshake after authentication gets ILLEGAL_SASL_STATE', async () => {
    const { port } = await saslServer();
    const c = await raw(port);
    c.send(ApiKey.SaslHandshake, 1, 1, { mechanism: 'PLAIN' });
    await c.next();
    c.send(ApiKey.SaslAuthenticate, 1, 2, { authBytes: plainToken('alice', 's3cret') });
    expect(decodeResponse(ApiKey.SaslAuthenticate, 1, (await c.next()).body)).toMatchObject({
      errorCode: 0,
      sessionLifetimeMs: 0,
    });
    c.send(ApiKey.SaslHandshake, 1, 3, { mechanism: 'PLAIN' });
    expect(decodeResponse(ApiKey.SaslHandshake, 1, (await c.next()).body).errorCode).toBe(34);
  });
});
