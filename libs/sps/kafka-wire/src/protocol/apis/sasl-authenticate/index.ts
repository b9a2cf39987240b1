import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type SaslAuthenticateRequest, type SaslAuthenticateResponse } from './types';
import { saslAuthenticateV0 } from './v0';
import { saslAuthenticateV1 } from './v1';

export * from './types';

/** SaslAuthenticate (key 36), versions 0–1. */
export const saslAuthenticateApi: ApiCodec<SaslAuthenticateRequest, SaslAuthenticateResponse> = {
  apiKey: ApiKey.SaslAuthenticate,
  name: 'SaslAuthenticate',
  versions: [saslAuthenticateV0, saslAuthenticateV1],
  flexibleFrom: 2,
  errorResponse: (_request, errorCode) => ({
    errorCode,
    errorMessage: null,
    authBytes: Buffer.alloc(0),
    sessionLifetimeMs: 0,
  }),
};
