import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

describe('SaslHandshake: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1])('decodes v%i', async (version) => {
    const body = await kafkajsRequestBody('saslHandshake', version, { mechanism: 'PLAIN' });
    const decoded = decodeRequest(ApiKey.SaslHandshake, version, body);
    expect(decoded).toEqual({ mechanism: 'PLAIN' });
    expect(encodeRequest(ApiKey.SaslHandshake, version, decoded)).toEqual(body);
  });

  it.each([0, 1])('v%i response: kafkajs reads the enabled mechanisms', async (version) => {
    const body = encodeResponse(ApiKey.SaslHandshake, version, {
      errorCode: 0,
      mechanisms: ['PLAIN'],
    });
    expect(await kafkajsResponse('saslHandshake', version, body)).toEqual({
      errorCode: 0,
      enabledMechanisms: ['PLAIN'],
    });
  });
});
