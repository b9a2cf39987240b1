/**
 * SaslHandshake (API key 17) — versions 0–1, registered only when users are configured.
 *
 * Behaviour (Kafka's SaslServerAuthenticator): the only enabled mechanism is PLAIN.
 * - First handshake with PLAIN → error 0, mechanisms ["PLAIN"]. After v1 the client sends
 *   SaslAuthenticate requests; after v0 it sends ONE raw token frame (no Kafka header), which
 *   the connection checks itself (see server/connection.ts) and answers with an empty token.
 * - Another mechanism → UNSUPPORTED_SASL_MECHANISM (33) with ["PLAIN"], then the connection
 *   closes (Kafka closes after an unsupported mechanism).
 * - A handshake in any other state (again, or after authentication) → ILLEGAL_SASL_STATE (34)
 *   and close.
 *
 * Deliberately not done: SCRAM, GSSAPI, OAUTHBEARER; re-authentication (KIP-368).
 */
import { KafkaError } from '../protocol/error-codes';
import { type HandlerFor } from './handler';

/** The mechanisms this server enables. */
export const SASL_MECHANISMS = ['PLAIN'] as const;

export function createSaslHandshakeHandler(): HandlerFor<17> {
  return (request, ctx) => {
    const sasl = ctx.connection.sasl;
    const mechanisms = [...SASL_MECHANISMS];
    if (sasl.state !== 'handshake') {
      ctx.closeConnectionAfterResponse(`SaslHandshake in SASL state ${sasl.state}`);
      return Promise.resolve({ errorCode: KafkaError.ILLEGAL_SASL_STATE, mechanisms });
    }
    if (request.mechanism !== 'PLAIN') {
      ctx.closeConnectionAfterResponse(
        `unsupported SASL mechanism ${JSON.stringify(request.mechanism)}`,
      );
      return Promise.resolve({ errorCode: KafkaError.UNSUPPORTED_SASL_MECHANISM, mechanisms });
    }
    sasl.handshakeAccepted(ctx.apiVersion);
    return Promise.resolve({ errorCode: KafkaError.NONE, mechanisms });
  };
}
