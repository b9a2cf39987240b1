import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

describe('FindCoordinator: golden bytes from kafkajs 2.2.4', () => {
  it('decodes v0 (group id only)', async () => {
    const body = await kafkajsRequestBody('findCoordinator', 0, { groupId: 'mailer' });
    expect(decodeRequest(ApiKey.FindCoordinator, 0, body)).toEqual({ key: 'mailer', keyType: 0 });
  });

  it.each([1, 2])('decodes v%i (key and key type)', async (version) => {
    const body = await kafkajsRequestBody('findCoordinator', version, {
      coordinatorKey: 'tx-1',
      coordinatorType: 1,
    });
    const decoded = decodeRequest(ApiKey.FindCoordinator, version, body);
    expect(decoded).toEqual({ key: 'tx-1', keyType: 1 });
    expect(encodeRequest(ApiKey.FindCoordinator, version, decoded)).toEqual(body);
  });

  it.each([0, 1, 2])('v%i response: kafkajs reads the coordinator', async (version) => {
    const body = encodeResponse(ApiKey.FindCoordinator, version, {
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      nodeId: 0,
      host: '127.0.0.1',
      port: 9092,
    });
    expect(await kafkajsResponse('findCoordinator', version, body)).toMatchObject({
      errorCode: 0,
      coordinator: { nodeId: 0, host: '127.0.0.1', port: 9092 },
    });
  });

  it('COORDINATOR_NOT_AVAILABLE reaches kafkajs as retriable', async () => {
    const body = encodeResponse(ApiKey.FindCoordinator, 2, {
      throttleTimeMs: 0,
      errorCode: 15,
      errorMessage: 'loading',
      nodeId: -1,
      host: '',
      port: -1,
    });
    await expect(kafkajsResponse('findCoordinator', 2, body)).rejects.toMatchObject({
      retriable: true,
    });
  });
});
