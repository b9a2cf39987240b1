import { encodeRecordBatch } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';
import { type FetchPartitionData, type FetchResponse } from './types';

const request = {
  replicaId: -1,
  maxWaitTime: 5000,
  minBytes: 1,
  maxBytes: 10_485_760,
  isolationLevel: 1,
  sessionId: 0,
  sessionEpoch: -1,
  rackId: 'rack-a',
  topics: [
    {
      topic: 'orders',
      partitions: [
        {
          partition: 0,
          currentLeaderEpoch: 4,
          fetchOffset: '9007199254740991',
          logStartOffset: 3,
          maxBytes: 1_048_576,
        },
        {
          partition: 1,
          currentLeaderEpoch: -1,
          fetchOffset: '0',
          logStartOffset: -1,
          maxBytes: 1_048_576,
        },
      ],
    },
  ],
  forgottenTopics: [{ topic: 'old', partitions: [5, 6] }],
};

describe('Fetch request: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('fetch', version, request);
    const decoded = decodeRequest(ApiKey.Fetch, version, body);
    expect(decoded).toMatchObject({ replicaId: -1, maxWaitMs: 5000, minBytes: 1 });
    expect(decoded.maxBytes).toBe(version >= 3 ? 10_485_760 : 0x7fffffff);
    expect(decoded.isolationLevel).toBe(version >= 4 ? 1 : 0);
    expect(decoded.rackId).toBe(version >= 11 ? 'rack-a' : '');
    expect(decoded.forgottenTopicsData).toEqual(
      version >= 7 ? [{ topic: 'old', partitions: [5, 6] }] : [],
    );
    expect(decoded).toMatchObject(version >= 7 ? { sessionId: 0, sessionEpoch: -1 } : {});
    expect(decoded.topics).toEqual([
      {
        topic: 'orders',
        partitions: [
          {
            partition: 0,
            currentLeaderEpoch: version >= 9 ? 4 : -1,
            fetchOffset: Number.MAX_SAFE_INTEGER,
            logStartOffset: version >= 5 ? 3 : -1,
            partitionMaxBytes: 1_048_576,
          },
          {
            partition: 1,
            currentLeaderEpoch: -1,
            fetchOffset: 0,
            logStartOffset: -1,
            partitionMaxBytes: 1_048_576,
          },
        ],
      },
    ]);
    expect(encodeRequest(ApiKey.Fetch, version, decoded)).toEqual(body);
  });

  it('rejects an int64 offset beyond 2^53 instead of rounding it', async () => {
    const body = await kafkajsRequestBody('fetch', 11, {
      ...request,
      topics: [
        {
          topic: 't',
          partitions: [{ ...request.topics[0]!.partitions[0]!, fetchOffset: '9007199254740993' }],
        },
      ],
    });
    expect(() => decodeRequest(ApiKey.Fetch, 11, body)).toThrow(/outside the safe integer range/);
  });
});

describe('Fetch response: parsed by kafkajs 2.2.4', () => {
  const batch = encodeRecordBatch(
    [
      {
        key: Buffer.from('ord_1'),
        value: Buffer.from('placed'),
        headers: [],
        timestamp: 1_700_000_000_000,
      },
      { key: null, value: Buffer.from('paid'), headers: [], timestamp: 1_700_000_000_100 },
    ],
    { baseOffset: 40 },
  );
  const partition = (records: Buffer): FetchPartitionData => ({
    partitionIndex: 1,
    errorCode: 0,
    highWatermark: 42,
    lastStableOffset: 42,
    logStartOffset: 7,
    abortedTransactions: null,
    preferredReadReplica: -1,
    records,
  });
  const response = (records: Buffer): FetchResponse => ({
    throttleTimeMs: 3,
    errorCode: 0,
    sessionId: 0,
    responses: [{ topic: 'orders', partitions: [partition(records)] }],
  });

  it.each([0, 1, 2, 3])('v%i: empty record set, high watermark', async (version) => {
    const parsed = await kafkajsResponse(
      'fetch',
      version,
      encodeResponse(ApiKey.Fetch, version, response(Buffer.alloc(0))),
    );
    expect(parsed).toMatchObject({
      responses: [
        {
          topicName: 'orders',
          partitions: [{ partition: 1, errorCode: 0, highWatermark: '42', messages: [] }],
        },
      ],
    });
  });

  it.each([4, 5, 6, 7, 8, 9, 10, 11])(
    'v%i: a record batch kafkajs decodes into messages',
    async (version) => {
      const parsed = await kafkajsResponse(
        'fetch',
        version,
        encodeResponse(ApiKey.Fetch, version, response(batch)),
      );
      expect(parsed).toMatchObject({
        responses: [
          {
            topicName: 'orders',
            partitions: [
              {
                partition: 1,
                highWatermark: '42',
                lastStableOffset: '42',
                abortedTransactions: [],
                messages: [
                  {
                    offset: '40',
                    key: Buffer.from('ord_1'),
                    value: Buffer.from('placed'),
                    timestamp: '1700000000000',
                  },
                  {
                    offset: '41',
                    key: null,
                    value: Buffer.from('paid'),
                    timestamp: '1700000000100',
                  },
                ],
              },
            ],
          },
        ],
      });
      if (version >= 5)
        expect(parsed).toMatchObject({ responses: [{ partitions: [{ lastStartOffset: '7' }] }] });
      if (version >= 7) expect(parsed).toMatchObject({ errorCode: 0, sessionId: 0 });
      if (version >= 11)
        expect(parsed).toMatchObject({
          responses: [{ partitions: [{ preferredReadReplica: -1 }] }],
        });
    },
  );

  it('aborted transactions reach kafkajs', async () => {
    const withAborted = response(batch);
    withAborted.responses[0]!.partitions[0]!.abortedTransactions = [
      { producerId: 9, firstOffset: 40 },
    ];
    expect(
      await kafkajsResponse('fetch', 11, encodeResponse(ApiKey.Fetch, 11, withAborted)),
    ).toMatchObject({
      responses: [
        { partitions: [{ abortedTransactions: [{ producerId: '9', firstOffset: '40' }] }] },
      ],
    });
  });

  it('OFFSET_OUT_OF_RANGE reaches kafkajs as its offset-out-of-range error', async () => {
    const failed = response(Buffer.alloc(0));
    failed.responses[0]!.partitions[0]!.errorCode = 1;
    await expect(
      kafkajsResponse('fetch', 11, encodeResponse(ApiKey.Fetch, 11, failed)),
    ).rejects.toMatchObject({
      name: 'KafkaJSOffsetOutOfRange',
      topic: 'orders',
      partition: 1,
    });
  });
});
