import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { wire } from '../../../__tests__/helpers/grammar';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

const args = {
  groupId: 'mailer',
  groupGenerationId: 4,
  memberId: 'kafkajs-1',
  retentionTime: -1,
  topics: [
    {
      topic: 'orders',
      partitions: [
        { partition: 0, offset: '42', metadata: 'from-kafkajs', timestamp: 1_700_000_000_000 },
        { partition: 1, offset: '7' },
      ],
    },
  ],
};

describe('OffsetCommit request: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2, 3, 4, 5])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('offsetCommit', version, args);
    const decoded = decodeRequest(ApiKey.OffsetCommit, version, body);
    expect(decoded).toEqual({
      groupId: 'mailer',
      generationId: version >= 1 ? 4 : -1,
      memberId: version >= 1 ? 'kafkajs-1' : '',
      groupInstanceId: null,
      retentionTimeMs: -1,
      topics: [
        {
          name: 'orders',
          partitions: [
            {
              partitionIndex: 0,
              committedOffset: 42,
              committedLeaderEpoch: -1,
              commitTimestamp: version === 1 ? 1_700_000_000_000 : -1,
              committedMetadata: 'from-kafkajs',
            },
            {
              partitionIndex: 1,
              committedOffset: 7,
              committedLeaderEpoch: -1,
              commitTimestamp:
                version === 1 ? decoded.topics[0]!.partitions[1]!.commitTimestamp : -1,
              committedMetadata: null,
            },
          ],
        },
      ],
    });
    expect(encodeRequest(ApiKey.OffsetCommit, version, decoded)).toEqual(body);
  });
});

describe('OffsetCommit response: parsed by kafkajs 2.2.4', () => {
  const response = {
    throttleTimeMs: 0,
    topics: [
      {
        name: 'orders',
        partitions: [
          { partitionIndex: 0, errorCode: 0 },
          { partitionIndex: 1, errorCode: 0 },
        ],
      },
    ],
  };

  it.each([0, 1, 2, 3, 4, 5])('v%i', async (version) => {
    expect(
      await kafkajsResponse(
        'offsetCommit',
        version,
        encodeResponse(ApiKey.OffsetCommit, version, response),
      ),
    ).toMatchObject({
      responses: [
        {
          topic: 'orders',
          partitions: [
            { partition: 0, errorCode: 0 },
            { partition: 1, errorCode: 0 },
          ],
        },
      ],
    });
  });

  it('ILLEGAL_GENERATION reaches kafkajs as its protocol error', async () => {
    const failed = {
      throttleTimeMs: 0,
      topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, errorCode: 22 }] }],
    };
    await expect(
      kafkajsResponse('offsetCommit', 5, encodeResponse(ApiKey.OffsetCommit, 5, failed)),
    ).rejects.toMatchObject({
      type: 'ILLEGAL_GENERATION',
    });
  });
});

describe('OffsetCommit v6–v7 (librdkafka 2.x sends v7): grammar-built bytes', () => {
  const request = (version: 6 | 7): Buffer => {
    const w = wire().str('erp-stock').i32(3).str('rdkafka-1');
    if (version === 7) w.str('instance-a');
    return w
      .arr(['orders'], (t, name) =>
        t.str(name).arr([2], (p, i) => p.i32(i).i64(100).i32(9).str('meta')),
      )
      .buf();
  };

  it.each([6, 7] as const)('v%i request with the committed leader epoch', (version) => {
    const decoded = decodeRequest(ApiKey.OffsetCommit, version, request(version));
    expect(decoded).toEqual({
      groupId: 'erp-stock',
      generationId: 3,
      memberId: 'rdkafka-1',
      groupInstanceId: version === 7 ? 'instance-a' : null,
      retentionTimeMs: -1,
      topics: [
        {
          name: 'orders',
          partitions: [
            {
              partitionIndex: 2,
              committedOffset: 100,
              committedLeaderEpoch: 9,
              commitTimestamp: -1,
              committedMetadata: 'meta',
            },
          ],
        },
      ],
    });
    expect(encodeRequest(ApiKey.OffsetCommit, version, decoded)).toEqual(request(version));
  });
});
