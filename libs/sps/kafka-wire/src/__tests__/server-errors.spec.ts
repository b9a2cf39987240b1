// The server: protocol errors are data (in the response); only connection-fatal frames
// close a connection, and only that one.
import { SpsError } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { ApiKey } from '../protocol/api-keys';
import { decodeResponse, encodeRequest } from '../protocol/codec';
import { requestFrame } from '../protocol/header';
import { waitFor } from './helpers/raw-client';
import { describeConfigs, serverHarness } from './helpers/server-harness';
import { metadataStub } from './helpers/test-server';

const setup = serverHarness();

describe('errors are data', () => {
  it('turns a handler exception into UNKNOWN_SERVER_ERROR in that response, and logs it', async () => {
    const { client, log } = await setup({
      handlers: { [ApiKey.DescribeConfigs]: () => Promise.reject(new Error('engine bug')) },
    });
    const c = await client();
    c.send(ApiKey.DescribeConfigs, 2, 9, describeConfigs('orders'));
    const response = decodeResponse(ApiKey.DescribeConfigs, 2, (await c.next()).body);
    expect(response.results).toEqual([
      { errorCode: -1, errorMessage: null, resourceType: 2, resourceName: 'orders', configs: [] },
    ]);
    expect(log.find((l) => l.level === 'error')?.msg).toBe('DescribeConfigs handler failed');
    c.send(ApiKey.ApiVersions, 2, 10, {});
    expect((await c.next()).correlationId).toBe(10);
  });

  it('maps a thrown SpsError to its Kafka code', async () => {
    const { client } = await setup({
      handlers: {
        [ApiKey.DescribeConfigs]: () =>
          Promise.reject(new SpsError('SPS_ERR_UNKNOWN_STREAM', 'no such stream')),
      },
    });
    const c = await client();
    c.send(ApiKey.DescribeConfigs, 2, 1, describeConfigs('nope'));
    expect(
      decodeResponse(ApiKey.DescribeConfigs, 2, (await c.next()).body).results[0]!.errorCode,
    ).toBe(3);
  });

  it('answers a decodable but unadvertised version with UNSUPPORTED_VERSION in its own response', async () => {
    const { client, port, server } = await setup({ advertisedMaxVersions: { Metadata: 4 } });
    server.register(
      ApiKey.Metadata,
      metadataStub(() => port),
    );
    const c = await client();
    c.send(ApiKey.ApiVersions, 2, 1, {});
    expect(decodeResponse(ApiKey.ApiVersions, 2, (await c.next()).body).apiKeys).toContainEqual({
      apiKey: 3,
      minVersion: 0,
      maxVersion: 4,
    });
    c.send(ApiKey.Metadata, 6, 2, {
      topics: [{ name: 'orders' }],
      allowAutoTopicCreation: true,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
    expect(decodeResponse(ApiKey.Metadata, 6, (await c.next()).body).topics).toMatchObject([
      { name: 'orders', errorCode: 35 },
    ]);
  });

  it('closes the connection when acks=0 Produce fails (there is no response to carry the error)', async () => {
    const { client } = await setup({
      handlers: { [ApiKey.Produce]: () => Promise.reject(new Error('disk full')) },
    });
    const c = await client();
    c.send(ApiKey.Produce, 7, 1, { transactionalId: null, acks: 0, timeoutMs: 1, topicData: [] });
    expect(await c.closesWithin(1000)).toBe(true);
  });
});

describe('connection-fatal conditions close only that connection', () => {
  it('still answers the requests that came before the bad frame, in the same chunk', async () => {
    const { client } = await setup();
    const c = await client();
    const ok = (corr: number) =>
      requestFrame(
        { apiKey: 18, apiVersion: 2, correlationId: corr, clientId: 'x' },
        Buffer.alloc(0),
      );
    const bad = requestFrame(
      { apiKey: 999, apiVersion: 0, correlationId: 3, clientId: 'x' },
      Buffer.alloc(0),
    );
    c.write(Buffer.concat([ok(1), ok(2), bad, ok(4)]));
    expect((await c.next()).correlationId).toBe(1);
    expect((await c.next()).correlationId).toBe(2);
    expect(await c.closesWithin(1000)).toBe(true);
    await expect(c.next(100)).rejects.toThrow('connection closed');
  });

  const fatal: Array<[string, () => Buffer]> = [
    [
      'an unknown API key',
      () =>
        requestFrame(
          { apiKey: 999, apiVersion: 0, correlationId: 1, clientId: 'x' },
          Buffer.alloc(0),
        ),
    ],
    [
      'an API without a handler',
      () =>
        requestFrame(
          { apiKey: 0, apiVersion: 7, correlationId: 1, clientId: 'x' },
          Buffer.alloc(0),
        ),
    ],
    [
      'a version without a layout',
      () =>
        requestFrame(
          { apiKey: 3, apiVersion: 12, correlationId: 1, clientId: 'x' },
          Buffer.alloc(0),
        ),
    ],
    [
      'a truncated body',
      () =>
        requestFrame(
          { apiKey: 15, apiVersion: 0, correlationId: 1, clientId: 'x' },
          Buffer.from([0, 0, 0, 5]),
        ),
    ],
    [
      'trailing bytes after the body',
      () =>
        requestFrame(
          { apiKey: 18, apiVersion: 1, correlationId: 1, clientId: 'x' },
          Buffer.from([1, 2, 3]),
        ),
    ],
    ['a frame shorter than a header', () => Buffer.from([0, 0, 0, 3, 0, 18, 0])],
    ['a negative size', () => Buffer.from([0xff, 0xff, 0xff, 0xfe])],
  ];

  it.each(fatal)(
    '%s: one log line, that connection closed, another client unaffected',
    async (_what, bytes) => {
      const { client, log } = await setup({
        handlers: {
          [ApiKey.DescribeGroups]: () => Promise.resolve({ throttleTimeMs: 0, groups: [] }),
        },
      });
      const good = await client();
      good.send(ApiKey.ApiVersions, 2, 1, {});
      expect((await good.next()).correlationId).toBe(1);
      const bad = await client();
      bad.write(bytes());
      expect(await bad.closesWithin(1000)).toBe(true);
      expect(log.filter((l) => l.msg.startsWith('closing connection'))).toHaveLength(1);
      good.send(ApiKey.ApiVersions, 2, 2, {});
      expect((await good.next()).correlationId).toBe(2);
    },
  );

  it('closes on an oversized size field before the body arrives (nothing allocated for it)', async () => {
    const { client, log, server } = await setup({ maxFrameBytes: 1024 });
    const c = await client();
    c.write(Buffer.from([0x7f, 0xff, 0xff, 0xff])); // claims 2 GiB, sends nothing more
    expect(await c.closesWithin(1000)).toBe(true);
    expect(log.some((l) => /exceeds the limit of 1024 bytes/.test(l.msg))).toBe(true);
    await waitFor(() => server.connectionStats().length === 0);
  });

  it('accepts a frame of exactly maxFrameBytes', async () => {
    const { client } = await setup({
      maxFrameBytes: 200,
      handlers: {
        [ApiKey.DescribeGroups]: (r) =>
          Promise.resolve({
            throttleTimeMs: 0,
            groups: r.groups.map(() => ({
              errorCode: 69,
              groupId: '',
              groupState: 'Dead',
              protocolType: '',
              protocolData: '',
              members: [],
              authorizedOperations: 0,
            })),
          }),
      },
    });
    const c = await client();
    const header = { apiKey: 15, apiVersion: 0, correlationId: 5, clientId: 'x' };
    const empty = requestFrame(
      header,
      encodeRequest(ApiKey.DescribeGroups, 0, { groups: [''], includeAuthorizedOperations: false }),
    );
    const pad = 200 - (empty.length - 4);
    const frame = requestFrame(
      header,
      encodeRequest(ApiKey.DescribeGroups, 0, {
        groups: ['g'.repeat(pad)],
        includeAuthorizedOperations: false,
      }),
    );
    expect(frame.length - 4).toBe(200);
    c.write(frame);
    expect((await c.next()).correlationId).toBe(5);
  });
});
