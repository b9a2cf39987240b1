import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

describe('DeleteTopics: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('deleteTopics', version, {
      topics: ['orders', 'audit'],
      timeout: 3000,
    });
    const decoded = decodeRequest(ApiKey.DeleteTopics, version, body);
    expect(decoded).toEqual({ topicNames: ['orders', 'audit'], timeoutMs: 3000 });
    expect(encodeRequest(ApiKey.DeleteTopics, version, decoded)).toEqual(body);
  });

  it.each([2, 3])(
    'v%i (librdkafka 2.15; kafkajs stops at v1) has the v1 layout',
    async (version) => {
      const body = await kafkajsRequestBody('deleteTopics', 1, { topics: ['orders'], timeout: 1 });
      expect(decodeRequest(ApiKey.DeleteTopics, version, body)).toEqual({
        topicNames: ['orders'],
        timeoutMs: 1,
      });
      const response = { throttleTimeMs: 5, responses: [{ name: 'orders', errorCode: 73 }] };
      expect(encodeResponse(ApiKey.DeleteTopics, version, response)).toEqual(
        encodeResponse(ApiKey.DeleteTopics, 1, response),
      );
    },
  );

  it.each([0, 1])('v%i response parsed by kafkajs', async (version) => {
    const body = encodeResponse(ApiKey.DeleteTopics, version, {
      throttleTimeMs: 0,
      responses: [{ name: 'orders', errorCode: 0 }],
    });
    expect(await kafkajsResponse('deleteTopics', version, body)).toMatchObject({
      topicErrors: [{ topic: 'orders', errorCode: 0 }],
    });
  });
});
