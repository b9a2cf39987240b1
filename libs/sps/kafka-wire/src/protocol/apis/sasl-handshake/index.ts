import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type SaslHandshakeRequest, type SaslHandshakeResponse } from './types';
import { saslHandshakeV0 } from './v0';
import { saslHandshakeV1 } from './v1';

export * from './types';

/** SaslHandshake (key 17), versions 0–1. */
export const saslHandshakeApi: ApiCodec<SaslHandshakeRequest, SaslHandshakeResponse> = {
  apiKey: ApiKey.SaslHandshake,
  name: 'SaslHandshake',
  versions: [saslHandshakeV0, saslHandshakeV1],
  flexibleFrom: null,
  errorResponse: (_request, errorCode) => ({ errorCode, mechanisms: [] }),
};
