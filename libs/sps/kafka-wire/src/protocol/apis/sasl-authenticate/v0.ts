import { versionCodec } from '../../api-codec';
import { absent, bytes, type Fields, int16, nullableStr } from '../../fields';
import { type SaslAuthenticateRequest, type SaslAuthenticateResponse } from './types';

/**
 * SaslAuthenticate Request (Version: 0) => auth_bytes
 *   auth_bytes => BYTES
 *
 * SaslAuthenticate Response (Version: 0) => error_code error_message auth_bytes
 *   error_code => INT16
 *   error_message => NULLABLE_STRING
 *   auth_bytes => BYTES
 *
 * Used after a SaslHandshake v1 (KIP-152): the token travels inside a normal request, so a
 * failure comes back as SASL_AUTHENTICATION_FAILED (58) before the broker closes.
 */
export const requestV0: Fields<SaslAuthenticateRequest> = { authBytes: bytes };
export const responseV0: Fields<SaslAuthenticateResponse> = {
  errorCode: int16,
  errorMessage: nullableStr,
  authBytes: bytes,
  sessionLifetimeMs: absent(0),
};

export const saslAuthenticateV0 = versionCodec(0, requestV0, responseV0);
