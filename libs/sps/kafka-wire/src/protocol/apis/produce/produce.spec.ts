import { decodeRecords } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import {
  kafkajsRequestBody,
  kafkajsResponse,
  Long,
} from '../../../__tests__/helpers/kafkajs-protocol';
import { wire } from '../../../__tests__/helpers/grammar';
import { ApiKey } from '../../api-keys';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from '../../codec';
import { produceApi } from '.';
import { type ProducePartitionResponse } from './types';

const messages = [
  { key: 'ord_1', value: '{"id":1}', timestamp: 1_700_000_000_000 },
  { key: null, value: 'second', timestamp: 1_700_000_000_001 },
];

async function kafkajsProduce(version: number): Promise<Buffer> {
  return kafkajsRequestBody('produce', version, {
    acks: -1,
    timeout: 30_000,
    transactionalId: null,
    producerId: Long.fromNumber(4242),
    producerEpoch: 3,
    topicData: [
      { topic: 'orders', partitions: [{ partition: 2, firstSequence: 7, messages }] },
      {
        topic: 'audit',
        partitions: [
          {
            partition: 0,
            firstSequence: 0,
            messages: [{ value: 'x', timestamp: 1_700_000_000_002 }],
          },
        ],
      },
    ],
  });
}

const partition: ProducePartitionResponse = {
  index: 2,
  errorCode: 0,
  baseOffset: 9_007_199_254_740_000,
  logAppendTimeMs: 1_700_000_000_555,
  logStartOffset: 12,
  recordErrors: [],
  errorMessage: null,
};

describe('Produce request: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])(
    'decodes v%i exactly (whole body consumed)',
    async (version) => {
      const body = await kafkajsProduce(version);
      const request = decodeRequest(ApiKey.Produce, version, body);
      expect(request).toMatchObject({ transactionalId: null, acks: -1, timeoutMs: 30_000 });
      expect(request.topicData.map((t) => [t.name, t.partitionData.map((p) => p.index)])).toEqual([
        ['orders', [2]],
        ['audit', [0]],
      ]);
      const records = request.topicData[0]!.partitionData[0]!.records!;
      if (version >= 3) {
        // RecordBatch v2 stays raw bytes in the wire layer; the engine can read it as sent.
        expect(records.readInt8(16)).toBe(2);
        expect(decodeRecords(records).map((r) => r.value?.toString())).toEqual([
          '{"id":1}',
          'second',
        ]);
        expect(records.readBigInt64BE(43)).toBe(4242n); // producerId
      } else {
        // Legacy message set (magic 0/1): carried, never decoded here.
        expect(records.length).toBeGreaterThan(0);
      }
      expect(encodeRequest(ApiKey.Produce, version, request)).toEqual(body);
    },
  );

  it('decodes a transactional id (v3+)', async () => {
    const body = await kafkajsRequestBody('produce', 3, {
      acks: 1,
      timeout: 100,
      transactionalId: 'tx-1',
      topicData: [],
    });
    expect(decodeRequest(ApiKey.Produce, 3, body)).toEqual({
      transactionalId: 'tx-1',
      acks: 1,
      timeoutMs: 100,
      topicData: [],
    });
  });

  it('knows acks=0 expects no response', () => {
    expect(
      produceApi.expectsResponse?.({ transactionalId: null, acks: 0, timeoutMs: 1, topicData: [] }),
    ).toBe(false);
    expect(
      produceApi.expectsResponse?.({ transactionalId: null, acks: 1, timeoutMs: 1, topicData: [] }),
    ).toBe(true);
  });
});

describe('Produce response: parsed by kafkajs 2.2.4', () => {
  const response = {
    responses: [{ name: 'orders', partitionResponses: [partition] }],
    throttleTimeMs: 7,
  };

  it('v0–v1: offset only (+ throttle in v1)', async () => {
    expect(
      await kafkajsResponse('produce', 0, encodeResponse(ApiKey.Produce, 0, response)),
    ).toEqual({
      topics: [
        {
          topicName: 'orders',
          partitions: [{ partition: 2, errorCode: 0, offset: '9007199254740000' }],
        },
      ],
    });
    expect(
      await kafkajsResponse('produce', 1, encodeResponse(ApiKey.Produce, 1, response)),
    ).toMatchObject({
      throttleTime: 7,
    });
  });

  it('v2: log append time', async () => {
    expect(
      await kafkajsResponse('produce', 2, encodeResponse(ApiKey.Produce, 2, response)),
    ).toMatchObject({
      topics: [{ partitions: [{ offset: '9007199254740000', timestamp: '1700000000555' }] }],
    });
  });

  it.each([3, 4])('v%i: base offset and log append time', async (version) => {
    expect(
      await kafkajsResponse('produce', version, encodeResponse(ApiKey.Produce, version, response)),
    ).toEqual({
      topics: [
        {
          topicName: 'orders',
          partitions: [
            {
              partition: 2,
              errorCode: 0,
              baseOffset: '9007199254740000',
              logAppendTime: '1700000000555',
            },
          ],
        },
      ],
      throttleTime: 7,
    });
  });

  it.each([5, 6, 7])('v%i: log start offset', async (version) => {
    expect(
      await kafkajsResponse('produce', version, encodeResponse(ApiKey.Produce, version, response)),
    ).toMatchObject({
      topics: [{ partitions: [{ baseOffset: '9007199254740000', logStartOffset: '12' }] }],
    });
  });

  it('an error code reaches kafkajs as its protocol error', async () => {
    const failed = {
      ...response,
      responses: [{ name: 'orders', partitionResponses: [{ ...partition, errorCode: 3 }] }],
    };
    await expect(
      kafkajsResponse('produce', 7, encodeResponse(ApiKey.Produce, 7, failed)),
    ).rejects.toMatchObject({
      type: 'UNKNOWN_TOPIC_OR_PARTITION',
      retriable: true,
    });
  });
});

describe('Produce v8 (kafkajs stops at v7): grammar-built bytes', () => {
  const bytes = wire()
    .arr(['orders'], (w, name) =>
      w.str(name).arr([0], (p) =>
        p
          .i32(2)
          .i16(87)
          .i64(-1)
          .i64(-1)
          .i64(5)
          .arr([1], (e, i) => e.i32(i).str('bad record'))
          .str('batch rejected'),
      ),
    )
    .i32(0)
    .buf();

  it('decodes and re-encodes the response with per-record errors', () => {
    const decoded = decodeResponse(ApiKey.Produce, 8, bytes);
    expect(decoded.responses[0]!.partitionResponses[0]).toEqual({
      index: 2,
      errorCode: 87,
      baseOffset: -1,
      logAppendTimeMs: -1,
      logStartOffset: 5,
      recordErrors: [{ batchIndex: 1, batchIndexErrorMessage: 'bad record' }],
      errorMessage: 'batch rejected',
    });
    expect(encodeResponse(ApiKey.Produce, 8, decoded)).toEqual(bytes);
  });

  it('has the same request layout as v7', async () => {
    const body = await kafkajsProduce(7);
    expect(decodeRequest(ApiKey.Produce, 8, body)).toEqual(decodeRequest(ApiKey.Produce, 7, body));
  });
});
