import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

describe('Heartbeat: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2, 3])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('heartbeat', version, {
      groupId: 'mailer',
      groupGenerationId: 7,
      memberId: 'm-1',
      groupInstanceId: 'static-1',
    });
    const decoded = decodeRequest(ApiKey.Heartbeat, version, body);
    expect(decoded).toEqual({
      groupId: 'mailer',
      generationId: 7,
      memberId: 'm-1',
      groupInstanceId: version >= 3 ? 'static-1' : null,
    });
    expect(encodeRequest(ApiKey.Heartbeat, version, decoded)).toEqual(body);
  });

  it.each([0, 1, 2, 3])(
    'v%i response: kafkajs reads OK, and REBALANCE_IN_PROGRESS as its error',
    async (version) => {
      const ok = encodeResponse(ApiKey.Heartbeat, version, { throttleTimeMs: 0, errorCode: 0 });
      expect(await kafkajsResponse('heartbeat', version, ok)).toMatchObject({ errorCode: 0 });
      const rebalancing = encodeResponse(ApiKey.Heartbeat, version, {
        throttleTimeMs: 0,
        errorCode: 27,
      });
      await expect(kafkajsResponse('heartbeat', version, rebalancing)).rejects.toMatchObject({
        type: 'REBALANCE_IN_PROGRESS',
      });
    },
  );
});
