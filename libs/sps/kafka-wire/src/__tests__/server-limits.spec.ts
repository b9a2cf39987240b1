// The server: idle timeout, connection limit, backpressure, graceful close.
import { describe, expect, it } from 'vitest';
import { ApiKey } from '../protocol/api-keys';
import { encodeRequest } from '../protocol/codec';
import { requestFrame } from '../protocol/header';
import { RawClient, sleep } from './helpers/raw-client';
import { describeConfigs, heartbeat, serverHarness } from './helpers/server-harness';

const setup = serverHarness();

describe('limits', () => {
  it('closes a connection idle for idleTimeoutMs, not one that is busy or active', async () => {
    let release: () => void = () => undefined;
    const { client, log } = await setup({
      idleTimeoutMs: 150,
      handlers: {
        [ApiKey.Heartbeat]: () =>
          new Promise((resolve) => (release = () => resolve({ throttleTimeMs: 0, errorCode: 0 }))),
      },
    });
    const idle = await client();
    const active = await client();
    const parked = await client();
    parked.send(ApiKey.Heartbeat, 3, 1, heartbeat('g'));
    for (let i = 0; i < 8; i++) {
      active.send(ApiKey.ApiVersions, 2, i, {});
      await active.next();
      await sleep(50);
    }
    expect(idle.isOpen).toBe(false);
    expect(active.isOpen).toBe(true);
    expect(parked.isOpen).toBe(true); // a parked request (long-poll) is not idleness
    release();
    expect((await parked.next()).correlationId).toBe(1);
    expect(log.some((l) => /idle for/.test(l.msg))).toBe(true);
  });

  it('refuses connections beyond maxConnections', async () => {
    const { client } = await setup({ maxConnections: 2 });
    await client();
    await client();
    const third = await client();
    expect(await third.closesWithin(1000)).toBe(true);
  });

  it('bounds buffered bytes for a client that sends but never reads, then catches up in order', async () => {
    const mark = 64 * 1024;
    const big = 'x'.repeat(20_000);
    const { client, server } = await setup({
      maxBufferedBytesPerConnection: mark,
      handlers: {
        [ApiKey.DescribeConfigs]: (request) =>
          Promise.resolve({
            throttleTimeMs: 0,
            results: request.resources.map((r) => ({
              errorCode: 0,
              errorMessage: null,
              resourceType: r.resourceType,
              resourceName: r.resourceName,
              configs: Array.from({ length: 5 }, (_, i) => ({
                name: `c${i}`,
                value: big,
                readOnly: false,
                isDefault: false,
                configSource: 5,
                isSensitive: false,
                synonyms: [],
              })),
            })),
          }),
      },
    });
    const c = await client({ paused: true });
    const count = 400; // ~40 MB of responses
    const frames = Array.from({ length: count }, (_, i) =>
      requestFrame(
        { apiKey: 32, apiVersion: 2, correlationId: i, clientId: 'slow' },
        encodeRequest(ApiKey.DescribeConfigs, 2, describeConfigs('orders')),
      ),
    );
    c.write(Buffer.concat(frames));
    await sleep(500);
    const [stats] = server.connectionStats();
    expect(stats!.readingPaused).toBe(true);
    // At most the mark, plus one response (~100 KB) produced before the pump waits for drain.
    expect(stats!.peakBufferedBytes).toBeLessThan(mark + 2 * 110_000);
    c.socket.resume();
    for (let i = 0; i < count; i++) expect((await c.next(5000)).correlationId).toBe(i);
    expect(server.connectionStats()[0]!.peakBufferedBytes).toBeLessThan(mark + 2 * 110_000);
  });

  it('stops reading a client that floods requests faster than its handler serves them', async () => {
    const mark = 64 * 1024;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { client, server } = await setup({
      maxBufferedBytesPerConnection: mark,
      handlers: {
        [ApiKey.DescribeGroups]: async (request) => {
          await gate;
          return {
            throttleTimeMs: 0,
            groups: request.groups.map(() => ({
              errorCode: 69,
              groupId: 'g',
              groupState: 'Dead',
              protocolType: '',
              protocolData: '',
              members: [],
              authorizedOperations: 0,
            })),
          };
        },
      },
    });
    const c = await client();
    const frame = (i: number) =>
      requestFrame(
        { apiKey: 15, apiVersion: 0, correlationId: i, clientId: 'flood' },
        encodeRequest(ApiKey.DescribeGroups, 0, {
          groups: ['x'.repeat(10_000)],
          includeAuthorizedOperations: false,
        }),
      );
    const count = 800; // ~8 MB of requests
    for (let i = 0; i < count; i++) c.write(frame(i));
    await sleep(300);
    const [stats] = server.connectionStats();
    expect(stats!.readingPaused).toBe(true);
    // The mark, plus at most one socket read (64 KiB) decoded before pausing.
    expect(stats!.queuedBytes).toBeLessThan(mark + 64 * 1024 + 10_100);
    expect(stats!.queuedRequests).toBeLessThan(count);
    release();
    for (let i = 0; i < count; i++) expect((await c.next(5000)).correlationId).toBe(i);
  });
});

describe('graceful close', () => {
  it('lets in-flight requests finish, then closes; parked handlers see the abort signal', async () => {
    let aborted = false;
    let started: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const { client, server, port } = await setup({
      handlers: {
        [ApiKey.Heartbeat]: async (_request, ctx) => {
          started();
          await new Promise<void>((resolve) => {
            ctx.signal.addEventListener('abort', () => {
              aborted = true;
              resolve();
            });
          });
          return { throttleTimeMs: 0, errorCode: 0 };
        },
      },
    });
    const c = await client();
    c.send(ApiKey.Heartbeat, 3, 1, heartbeat('g'));
    await handlerStarted;
    const closing = server.close();
    expect((await c.next()).correlationId).toBe(1);
    expect(aborted).toBe(true);
    await closing;
    expect(await c.closesWithin(500)).toBe(true);
    await expect(RawClient.connect(port)).rejects.toThrow();
  });

  it('cuts connections whose handlers ignore the signal after closeTimeoutMs', async () => {
    let started: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const { client, server } = await setup({
      closeTimeoutMs: 200,
      handlers: {
        [ApiKey.Heartbeat]: () => {
          started();
          return new Promise(() => undefined);
        },
      },
    });
    const c = await client();
    c.send(ApiKey.Heartbeat, 3, 1, heartbeat('g'));
    await handlerStarted;
    const closeStarted = Date.now();
    await server.close();
    expect(Date.now() - closeStarted).toBeLessThan(1500);
    expect(await c.closesWithin(500)).toBe(true);
  });
});
