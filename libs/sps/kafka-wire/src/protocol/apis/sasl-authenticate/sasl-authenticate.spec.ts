import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

/* eslint-disable @typescript-eslint/no-require-imports */
const plain = require('kafkajs/src/protocol/sasl/plain/request') as (c: object) => {
  encode(): Promise<Buffer>;
};

describe('SaslAuthenticate: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1])('decodes v%i carrying a PLAIN token', async (version) => {
    // kafkajs hands SaslAuthenticate the PLAIN mechanism's own encoding (int32 size + token),
    // which is exactly the BYTES field.
    const authBytes = await plain({ username: 'alice', password: 's3cret' }).encode();
    const body = await kafkajsRequestBody('saslAuthenticate', version, { authBytes });
    const decoded = decodeRequest(ApiKey.SaslAuthenticate, version, body);
    expect(decoded.authBytes.toString('utf8')).toBe('\u0000alice\u0000s3cret');
    expect(encodeRequest(ApiKey.SaslAuthenticate, version, decoded)).toEqual(body);
  });

  it.each([0, 1])('v%i success response parsed by kafkajs', async (version) => {
    const body = encodeResponse(ApiKey.SaslAuthenticate, version, {
      errorCode: 0,
      errorMessage: null,
      authBytes: Buffer.alloc(0),
      sessionLifetimeMs: 0,
    });
    const parsed = await kafkajsResponse('saslAuthenticate', version, body);
    expect(parsed).toMatchObject({ errorCode: 0, errorMessage: null });
    if (version === 1) expect(parsed).toMatchObject({ sessionLifetimeMs: '0' });
  });

  it('SASL_AUTHENTICATION_FAILED reaches kafkajs with our message', async () => {
    const body = encodeResponse(ApiKey.SaslAuthenticate, 1, {
      errorCode: 58,
      errorMessage: 'Authentication failed: Invalid username or password',
      authBytes: Buffer.alloc(0),
      sessionLifetimeMs: 0,
    });
    await expect(kafkajsResponse('saslAuthenticate', 1, body)).rejects.toMatchObject({
      type: 'SASL_AUTHENTICATION_FAILED',
      message: 'Authentication failed: Invalid username or password',
    });
  });
});
