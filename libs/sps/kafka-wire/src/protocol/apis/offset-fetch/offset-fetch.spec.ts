import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { wire } from '../../../__tests__/helpers/grammar';
import { ApiKey } from '../../api-keys';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from '../../codec';
import { type OffsetFetchResponse } from './types';

describe('OffsetFetch request: golden bytes from kafkajs 2.2.4', () => {
  it.each([1, 2, 3, 4])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('offsetFetch', version, {
      groupId: 'mailer',
      topics: [{ topic: 'orders', partitions: [{ partition: 0 }, { partition: 2 }] }],
    });
    const decoded = decodeRequest(ApiKey.OffsetFetch, version, body);
    expect(decoded).toEqual({
      groupId: 'mailer',
      topics: [{ name: 'orders', partitionIndexes: [0, 2] }],
    });
    expect(encodeRequest(ApiKey.OffsetFetch, version, decoded)).toEqual(body);
  });

  it.each([3, 4])(
    'v%i: kafkajs asks for every committed partition with a null list',
    async (version) => {
      const body = await kafkajsRequestBody('offsetFetch', version, {
        groupId: 'mailer',
        topics: [],
      });
      expect(decodeRequest(ApiKey.OffsetFetch, version, body).topics).toBeNull();
    },
  );

  it('v0 (kafkajs starts at v1) has the v1 layout', async () => {
    const body = await kafkajsRequestBody('offsetFetch', 1, {
      groupId: 'g',
      topics: [{ topic: 't', partitions: [{ partition: 1 }] }],
    });
    expect(decodeRequest(ApiKey.OffsetFetch, 0, body)).toEqual(
      decodeRequest(ApiKey.OffsetFetch, 1, body),
    );
  });
});

describe('OffsetFetch response: parsed by kafkajs 2.2.4', () => {
  const response: OffsetFetchResponse = {
    throttleTimeMs: 0,
    topics: [
      {
        name: 'orders',
        partitions: [
          {
            partitionIndex: 0,
            committedOffset: 42,
            committedLeaderEpoch: -1,
            metadata: '',
            errorCode: 0,
          },
          {
            partitionIndex: 2,
            committedOffset: -1,
            committedLeaderEpoch: -1,
            metadata: null,
            errorCode: 0,
          },
        ],
      },
    ],
    errorCode: 0,
  };

  it.each([1, 2, 3, 4])('v%i', async (version) => {
    expect(
      await kafkajsResponse(
        'offsetFetch',
        version,
        encodeResponse(ApiKey.OffsetFetch, version, response),
      ),
    ).toMatchObject({
      responses: [
        {
          topic: 'orders',
          partitions: [
            { partition: 0, offset: '42', metadata: '', errorCode: 0 },
            { partition: 2, offset: '-1', metadata: null, errorCode: 0 },
          ],
        },
      ],
    });
  });

  it.each([2, 3, 4])('v%i: the group-level error code reaches kafkajs', async (version) => {
    const failed = { ...response, errorCode: 16 };
    await expect(
      kafkajsResponse('offsetFetch', version, encodeResponse(ApiKey.OffsetFetch, version, failed)),
    ).rejects.toMatchObject({ type: 'NOT_COORDINATOR_FOR_GROUP', retriable: true });
  });
});

describe('OffsetFetch v5 (librdkafka 2.x sends v5): grammar-built bytes', () => {
  const bytes = wire()
    .i32(0)
    .arr(['orders'], (t, name) =>
      t.str(name).arr([0], (p, i) => p.i32(i).i64(42).i32(3).str('m').i16(0)),
    )
    .i16(0)
    .buf();

  it('v5 response with the committed leader epoch', () => {
    const decoded = decodeResponse(ApiKey.OffsetFetch, 5, bytes);
    expect(decoded.topics[0]!.partitions[0]).toEqual({
      partitionIndex: 0,
      committedOffset: 42,
      committedLeaderEpoch: 3,
      metadata: 'm',
      errorCode: 0,
    });
    expect(encodeResponse(ApiKey.OffsetFetch, 5, decoded)).toEqual(bytes);
  });
});
