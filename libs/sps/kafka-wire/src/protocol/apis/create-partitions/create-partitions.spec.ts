import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

describe('CreatePartitions: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('createPartitions', version, {
      topicPartitions: [
        { topic: 'orders', count: 8 },
        { topic: 'audit', count: 2, assignments: [[0]] },
      ],
      timeout: 5000,
      validateOnly: false,
    });
    const decoded = decodeRequest(ApiKey.CreatePartitions, version, body);
    expect(decoded).toEqual({
      topics: [
        { name: 'orders', count: 8, assignments: null },
        { name: 'audit', count: 2, assignments: [{ brokerIds: [0] }] },
      ],
      timeoutMs: 5000,
      validateOnly: false,
    });
    expect(encodeRequest(ApiKey.CreatePartitions, version, decoded)).toEqual(body);
  });

  it.each([0, 1])('v%i response parsed by kafkajs', async (version) => {
    const body = encodeResponse(ApiKey.CreatePartitions, version, {
      throttleTimeMs: 0,
      results: [{ name: 'orders', errorCode: 0, errorMessage: null }],
    });
    expect(await kafkajsResponse('createPartitions', version, body)).toMatchObject({
      topicErrors: [{ topic: 'orders', errorCode: 0 }],
    });
  });

  it('INVALID_PARTITIONS (shrinking) reaches kafkajs as its protocol error', async () => {
    const body = encodeResponse(ApiKey.CreatePartitions, 1, {
      throttleTimeMs: 0,
      results: [{ name: 'orders', errorCode: 37, errorMessage: 'cannot shrink' }],
    });
    await expect(kafkajsResponse('createPartitions', 1, body)).rejects.toMatchObject({
      type: 'INVALID_PARTITIONS',
    });
  });
});
