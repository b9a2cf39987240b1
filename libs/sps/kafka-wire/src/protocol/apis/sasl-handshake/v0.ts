import { versionCodec } from '../../api-codec';
import { array, type Fields, int16, str } from '../../fields';
import { type SaslHandshakeRequest, type SaslHandshakeResponse } from './types';

/**
 * SaslHandshake Request (Version: 0) => mechanism
 *   mechanism => STRING
 *
 * SaslHandshake Response (Version: 0) => error_code [mechanisms]
 *   error_code => INT16
 *   mechanisms => STRING
 *
 * After a successful v0 handshake the client sends raw SASL tokens, each as an int32 size and
 * the token bytes with NO Kafka request header, and the broker answers the same way (KIP-43).
 */
export const requestV0: Fields<SaslHandshakeRequest> = { mechanism: str };
export const responseV0: Fields<SaslHandshakeResponse> = {
  errorCode: int16,
  mechanisms: array(str),
};

export const saslHandshakeV0 = versionCodec(0, requestV0, responseV0);
