import { versionCodec } from '../../api-codec';
import { type Fields, int64 } from '../../fields';
import { type SaslAuthenticateResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * SaslAuthenticate Request (Version: 1) => same as version 0.
 *
 * SaslAuthenticate Response (Version: 1) => error_code error_message auth_bytes session_lifetime_ms
 *   error_code => INT16
 *   error_message => NULLABLE_STRING
 *   auth_bytes => BYTES
 *   session_lifetime_ms => INT64   (KIP-368; 0 = no re-authentication)
 *
 * Version 2 is the first flexible version; we stop here.
 */
export const requestV1 = requestV0;
export const responseV1: Fields<SaslAuthenticateResponse> = {
  ...responseV0,
  sessionLifetimeMs: int64,
};

export const saslAuthenticateV1 = versionCodec(1, requestV1, responseV1);
