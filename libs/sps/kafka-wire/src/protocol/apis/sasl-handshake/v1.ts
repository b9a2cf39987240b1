import { versionCodec } from '../../api-codec';
import { requestV0, responseV0 } from './v0';

/**
 * SaslHandshake Request (Version: 1) => same as version 0.
 * SaslHandshake Response (Version: 1) => same as version 0.
 *
 * The bump changes the flow, not the layout: after a v1 handshake the tokens travel inside
 * SaslAuthenticate requests (API key 36, KIP-152), so failures can carry an error code.
 */
export const requestV1 = requestV0;
export const responseV1 = responseV0;

export const saslHandshakeV1 = versionCodec(1, requestV1, responseV1);
