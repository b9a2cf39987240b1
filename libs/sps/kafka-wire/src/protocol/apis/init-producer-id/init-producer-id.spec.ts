import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

describe('InitProducerId: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1])('decodes v%i (idempotent producer: null transactional id)', async (version) => {
    const body = await kafkajsRequestBody('initProducerId', version, {
      transactionalId: null,
      transactionTimeout: 30_000,
    });
    const decoded = decodeRequest(ApiKey.InitProducerId, version, body);
    expect(decoded).toEqual({ transactionalId: null, transactionTimeoutMs: 30_000 });
    expect(encodeRequest(ApiKey.InitProducerId, version, decoded)).toEqual(body);
  });

  it.each([0, 1])('v%i response: kafkajs reads the producer id and epoch', async (version) => {
    const body = encodeResponse(ApiKey.InitProducerId, version, {
      throttleTimeMs: 0,
      errorCode: 0,
      producerId: 2 ** 40 + 1,
      producerEpoch: 0,
    });
    expect(await kafkajsResponse('initProducerId', version, body)).toMatchObject({
      errorCode: 0,
      producerId: String(2 ** 40 + 1),
      producerEpoch: 0,
    });
  });
});
