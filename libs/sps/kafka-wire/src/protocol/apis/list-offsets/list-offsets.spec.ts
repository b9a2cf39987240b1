import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { wire } from '../../../__tests__/helpers/grammar';
import { ApiKey } from '../../api-keys';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from '../../codec';
import { type ListOffsetsResponse } from './types';

const args = {
  replicaId: -1,
  isolationLevel: 1,
  topics: [
    {
      topic: 'orders',
      partitions: [
        { partition: 0, timestamp: -2 },
        { partition: 3, timestamp: 1_700_000_000_000 },
      ],
    },
  ],
};

describe('ListOffsets request: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2, 3])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('listOffsets', version, args);
    const decoded = decodeRequest(ApiKey.ListOffsets, version, body);
    expect(decoded).toEqual({
      replicaId: -1,
      isolationLevel: version >= 2 ? 1 : 0,
      topics: [
        {
          name: 'orders',
          partitions: [
            { partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -2, maxNumOffsets: 1 },
            {
              partitionIndex: 3,
              currentLeaderEpoch: -1,
              timestamp: 1_700_000_000_000,
              maxNumOffsets: 1,
            },
          ],
        },
      ],
    });
    expect(encodeRequest(ApiKey.ListOffsets, version, decoded)).toEqual(body);
  });
});

describe('ListOffsets response: parsed by kafkajs 2.2.4', () => {
  const response: ListOffsetsResponse = {
    throttleTimeMs: 0,
    topics: [
      {
        name: 'orders',
        partitions: [
          {
            partitionIndex: 0,
            errorCode: 0,
            oldStyleOffsets: [17, 0],
            timestamp: -1,
            offset: 17,
            leaderEpoch: 0,
          },
        ],
      },
    ],
  };

  it('v0: the old offsets list', async () => {
    expect(
      await kafkajsResponse('listOffsets', 0, encodeResponse(ApiKey.ListOffsets, 0, response)),
    ).toEqual({
      responses: [
        { topic: 'orders', partitions: [{ partition: 0, errorCode: 0, offsets: ['17', '0'] }] },
      ],
    });
  });

  it.each([1, 2, 3])('v%i: one offset and its timestamp', async (version) => {
    expect(
      await kafkajsResponse(
        'listOffsets',
        version,
        encodeResponse(ApiKey.ListOffsets, version, response),
      ),
    ).toMatchObject({
      responses: [
        {
          topic: 'orders',
          partitions: [{ partition: 0, errorCode: 0, timestamp: '-1', offset: '17' }],
        },
      ],
    });
  });
});

describe('ListOffsets v4–v5 (kafkajs stops at v3; librdkafka 2.15 sends v5): grammar-built bytes', () => {
  const request = wire()
    .i32(-1)
    .i8(0)
    .arr(['orders'], (w, name) => w.str(name).arr([0], (p) => p.i32(0).i32(7).i64(-1)))
    .buf();
  const response = wire()
    .i32(0)
    .arr(['orders'], (w, name) =>
      w.str(name).arr([0], (p) => p.i32(0).i16(0).i64(1_700_000_000_000).i64(55).i32(7)),
    )
    .buf();

  it.each([4, 5])('v%i request with the current leader epoch', (version) => {
    const decoded = decodeRequest(ApiKey.ListOffsets, version, request);
    expect(decoded.topics[0]!.partitions[0]).toEqual({
      partitionIndex: 0,
      currentLeaderEpoch: 7,
      timestamp: -1,
      maxNumOffsets: 1,
    });
    expect(encodeRequest(ApiKey.ListOffsets, version, decoded)).toEqual(request);
  });

  it.each([4, 5])('v%i response with the leader epoch', (version) => {
    const decoded = decodeResponse(ApiKey.ListOffsets, version, response);
    expect(decoded.topics[0]!.partitions[0]).toEqual({
      partitionIndex: 0,
      errorCode: 0,
      oldStyleOffsets: [],
      timestamp: 1_700_000_000_000,
      offset: 55,
      leaderEpoch: 7,
    });
    expect(encodeResponse(ApiKey.ListOffsets, version, decoded)).toEqual(response);
  });
});
