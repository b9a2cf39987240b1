import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

const args = {
  topics: [
    {
      topic: 'orders',
      numPartitions: 6,
      replicationFactor: 1,
      configEntries: [
        { name: 'retention.ms', value: '86400000' },
        { name: 'cleanup.policy', value: null },
      ],
    },
    { topic: 'audit', replicaAssignment: [{ partition: 0, replicas: [0] }] },
  ],
  timeout: 5000,
  validateOnly: true,
};

describe('CreateTopics: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2, 3])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('createTopics', version, args);
    const decoded = decodeRequest(ApiKey.CreateTopics, version, body);
    expect(decoded).toEqual({
      topics: [
        {
          name: 'orders',
          numPartitions: 6,
          replicationFactor: 1,
          assignments: [],
          configs: [
            { name: 'retention.ms', value: '86400000' },
            { name: 'cleanup.policy', value: null },
          ],
        },
        {
          name: 'audit',
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [{ partitionIndex: 0, brokerIds: [0] }],
          configs: [],
        },
      ],
      timeoutMs: 5000,
      validateOnly: version >= 1,
    });
    expect(encodeRequest(ApiKey.CreateTopics, version, decoded)).toEqual(body);
  });

  it('v4 (librdkafka 2.x; kafkajs stops at v3) has the v3 layout', async () => {
    const body = await kafkajsRequestBody('createTopics', 3, args);
    expect(decodeRequest(ApiKey.CreateTopics, 4, body)).toEqual(
      decodeRequest(ApiKey.CreateTopics, 3, body),
    );
  });

  it.each([0, 1, 2, 3])('v%i response parsed by kafkajs', async (version) => {
    const body = encodeResponse(ApiKey.CreateTopics, version, {
      throttleTimeMs: 0,
      topics: [{ name: 'orders', errorCode: 0, errorMessage: null }],
    });
    expect(await kafkajsResponse('createTopics', version, body)).toMatchObject({
      topicErrors: [{ topic: 'orders', errorCode: 0 }],
    });
  });

  it('TOPIC_ALREADY_EXISTS reaches kafkajs as its protocol error', async () => {
    const body = encodeResponse(ApiKey.CreateTopics, 3, {
      throttleTimeMs: 0,
      topics: [{ name: 'orders', errorCode: 36, errorMessage: 'exists' }],
    });
    await expect(kafkajsResponse('createTopics', 3, body)).rejects.toMatchObject({
      errors: [{ type: 'TOPIC_ALREADY_EXISTS', topic: 'orders' }],
    });
  });
});
