// The server: ApiVersions negotiation, framing, per-connection ordering, acks=0.
import { describe, expect, it } from 'vitest';
import kcat from '../__fixtures__/kcat-api-versions.json';
import { NO_RESPONSE } from '../handlers/handler';
import { ApiKey } from '../protocol/api-keys';
import { decodeResponse } from '../protocol/codec';
import { requestFrame } from '../protocol/header';
import { sleep } from './helpers/raw-client';
import { heartbeat, serverHarness } from './helpers/server-harness';
import { metadataStub } from './helpers/test-server';

const setup = serverHarness();

describe('ApiVersions', () => {
  it('advertises only APIs with a handler, min 0 to the highest non-flexible version', async () => {
    const { client, server } = await setup();
    const c = await client();
    c.send(ApiKey.ApiVersions, 2, 1, {});
    expect(decodeResponse(ApiKey.ApiVersions, 2, (await c.next()).body).apiKeys).toEqual([
      { apiKey: 18, minVersion: 0, maxVersion: 2 },
    ]);
    server.register(
      ApiKey.Metadata,
      metadataStub(() => 0),
    );
    c.send(ApiKey.ApiVersions, 0, 2, {});
    expect(decodeResponse(ApiKey.ApiVersions, 0, (await c.next()).body)).toEqual({
      errorCode: 0,
      apiKeys: [
        { apiKey: 3, minVersion: 0, maxVersion: 8 },
        { apiKey: 18, minVersion: 0, maxVersion: 2 },
      ],
      throttleTimeMs: 0,
    });
  });

  it("answers kcat's ApiVersions v3 in the v0 layout with error 35 and our ranges, then serves its v0 retry", async () => {
    const { client } = await setup();
    const c = await client();
    const v3 = Buffer.from(kcat.apiVersionsV3Request, 'hex');
    const retry = Buffer.from(kcat.retryAfterFallback, 'hex');
    const size = (b: Buffer) => Buffer.from([0, 0, b.length >> 8, b.length & 0xff]);
    c.write(Buffer.concat([size(v3), v3]));
    const first = await c.next();
    expect(first.correlationId).toBe(1);
    expect(decodeResponse(ApiKey.ApiVersions, 0, first.body)).toEqual({
      errorCode: 35,
      apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 2 }],
      throttleTimeMs: 0,
    });
    c.write(Buffer.concat([size(retry), retry]));
    const second = await c.next();
    expect(second.correlationId).toBe(2);
    expect(decodeResponse(ApiKey.ApiVersions, 0, second.body).errorCode).toBe(0);
  });
});

describe('framing and ordering', () => {
  it('reassembles frames split across TCP chunks, byte by byte', async () => {
    const { client } = await setup();
    const c = await client();
    const frame = requestFrame(
      { apiKey: 18, apiVersion: 2, correlationId: 77, clientId: 'split' },
      Buffer.alloc(0),
    );
    for (const byte of frame) {
      c.write(Buffer.from([byte]));
      await sleep(1);
    }
    expect((await c.next()).correlationId).toBe(77);
  });

  it('answers many frames that arrive in one chunk, in order', async () => {
    const { client } = await setup();
    const c = await client();
    const frames = Array.from({ length: 50 }, (_, i) =>
      requestFrame(
        { apiKey: 18, apiVersion: i % 3, correlationId: 1000 + i, clientId: null },
        Buffer.alloc(0),
      ),
    );
    c.write(Buffer.concat(frames));
    for (let i = 0; i < 50; i++) expect((await c.next()).correlationId).toBe(1000 + i);
  });

  it('keeps answers in request order when the first handler is slow', async () => {
    const started: string[] = [];
    const { client } = await setup({
      handlers: {
        [ApiKey.Heartbeat]: async (request) => {
          started.push(request.groupId);
          if (request.groupId === 'slow') await sleep(150);
          return { throttleTimeMs: 0, errorCode: 0 };
        },
      },
    });
    const c = await client();
    c.send(ApiKey.Heartbeat, 3, 1, heartbeat('slow'));
    c.send(ApiKey.Heartbeat, 3, 2, heartbeat('fast'));
    c.send(ApiKey.ApiVersions, 2, 3, {});
    expect([
      (await c.next()).correlationId,
      (await c.next()).correlationId,
      (await c.next()).correlationId,
    ]).toEqual([1, 2, 3]);
    // One at a time: the fast request did not start before the slow one finished.
    expect(started).toEqual(['slow', 'fast']);
  });

  it('sends nothing for acks=0 Produce, even if the handler returns a response', async () => {
    const seen: number[] = [];
    const { client } = await setup({
      handlers: {
        [ApiKey.Produce]: (request) => {
          seen.push(request.acks);
          if (request.acks === 0) return Promise.resolve(NO_RESPONSE);
          return Promise.resolve({ responses: [], throttleTimeMs: 0 });
        },
      },
    });
    const c = await client();
    const produce = (acks: number) => ({
      transactionalId: null,
      acks,
      timeoutMs: 1000,
      topicData: [],
    });
    c.send(ApiKey.Produce, 7, 1, produce(0));
    c.send(ApiKey.Produce, 7, 2, produce(1));
    c.send(ApiKey.Produce, 7, 3, produce(0));
    c.send(ApiKey.ApiVersions, 2, 4, {});
    expect((await c.next()).correlationId).toBe(2);
    expect((await c.next()).correlationId).toBe(4);
    expect(seen).toEqual([0, 1, 0]);
  });
});

describe('request context', () => {
  it('gives handlers the client id, version, remote address and connection id', async () => {
    const seen: unknown[] = [];
    const { client } = await setup({
      handlers: {
        [ApiKey.Heartbeat]: (_r, ctx) => {
          seen.push({
            clientId: ctx.clientId,
            v: ctx.apiVersion,
            corr: ctx.correlationId,
            remote: ctx.connection.remoteAddress,
            conn: ctx.connection.clientId,
          });
          return Promise.resolve({ throttleTimeMs: 0, errorCode: 0 });
        },
      },
    });
    const c = await client();
    c.send(ApiKey.Heartbeat, 1, 5, heartbeat('g'), 'order-api');
    await c.next();
    expect(seen).toEqual([
      { clientId: 'order-api', v: 1, corr: 5, remote: '127.0.0.1', conn: 'order-api' },
    ]);
  });
});
