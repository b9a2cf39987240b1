import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeResponse } from '../../codec';

describe('ListGroups: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2])('decodes the empty v%i request', async (version) => {
    const body = await kafkajsRequestBody('listGroups', version);
    expect(body.length).toBe(0);
    expect(decodeRequest(ApiKey.ListGroups, version, body)).toEqual({});
  });

  it.each([0, 1, 2])('v%i response parsed by kafkajs', async (version) => {
    const body = encodeResponse(ApiKey.ListGroups, version, {
      throttleTimeMs: 0,
      errorCode: 0,
      groups: [
        { groupId: 'mailer', protocolType: 'consumer' },
        { groupId: 'crm', protocolType: 'consumer' },
      ],
    });
    expect(await kafkajsResponse('listGroups', version, body)).toMatchObject({
      errorCode: 0,
      groups: [
        { groupId: 'mailer', protocolType: 'consumer' },
        { groupId: 'crm', protocolType: 'consumer' },
      ],
    });
  });
});
