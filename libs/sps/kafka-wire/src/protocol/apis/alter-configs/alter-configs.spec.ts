import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

describe('AlterConfigs: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('alterConfigs', version, {
      resources: [
        { type: 2, name: 'orders', configEntries: [{ name: 'retention.ms', value: '1000' }] },
      ],
      validateOnly: true,
    });
    const decoded = decodeRequest(ApiKey.AlterConfigs, version, body);
    expect(decoded).toEqual({
      resources: [
        {
          resourceType: 2,
          resourceName: 'orders',
          configs: [{ name: 'retention.ms', value: '1000' }],
        },
      ],
      validateOnly: true,
    });
    expect(encodeRequest(ApiKey.AlterConfigs, version, decoded)).toEqual(body);
  });

  it.each([0, 1])('v%i response parsed by kafkajs', async (version) => {
    const body = encodeResponse(ApiKey.AlterConfigs, version, {
      throttleTimeMs: 0,
      responses: [{ errorCode: 0, errorMessage: null, resourceType: 2, resourceName: 'orders' }],
    });
    expect(await kafkajsResponse('alterConfigs', version, body)).toMatchObject({
      resources: [{ errorCode: 0, resourceType: 2, resourceName: 'orders' }],
    });
  });
});
