/**
 * SaslAuthenticate (API key 36) — versions 0–1, registered only when users are configured.
 *
 * Behaviour: valid after a SaslHandshake v1 with PLAIN. The auth bytes are a PLAIN token
 * (RFC 4616) checked against the configured users in constant time:
 * - good credentials → error 0, empty auth bytes, session lifetime 0 (never expires, so
 *   clients do not re-authenticate); the connection may now send any request.
 * - bad credentials or a malformed token → SASL_AUTHENTICATION_FAILED (58) with a message,
 *   then the connection closes (as Kafka does).
 * - in any other SASL state → ILLEGAL_SASL_STATE (34), then close.
 *
 * Deliberately not done: multi-step mechanisms (SCRAM), re-authentication (KIP-368),
 * authorization (no ACLs: an authenticated user may do everything).
 */
import { KafkaError } from '../protocol/error-codes';
import { type SaslAuthenticateResponse } from '../protocol/apis';
import { type HandlerFor } from './handler';
import { verifyPlain } from './sasl-plain';

export function createSaslAuthenticateHandler(
  users: Readonly<Record<string, string>>,
): HandlerFor<36> {
  return (request, ctx) => {
    const sasl = ctx.connection.sasl;
    if (sasl.state !== 'authenticate') {
      ctx.closeConnectionAfterResponse(`SaslAuthenticate in SASL state ${sasl.state}`);
      return Promise.resolve(
        failure(
          KafkaError.ILLEGAL_SASL_STATE,
          `SaslAuthenticate is not valid in state ${sasl.state}`,
        ),
      );
    }
    const principal = verifyPlain(users, request.authBytes);
    if (principal === null) {
      ctx.closeConnectionAfterResponse('SASL/PLAIN authentication failed');
      return Promise.resolve(
        failure(
          KafkaError.SASL_AUTHENTICATION_FAILED,
          'Authentication failed: Invalid username or password',
        ),
      );
    }
    sasl.authenticated(principal);
    ctx.logger.debug('SASL/PLAIN authenticated', { connection: ctx.connection.id, principal });
    return Promise.resolve({
      errorCode: KafkaError.NONE,
      errorMessage: null,
      authBytes: Buffer.alloc(0),
      sessionLifetimeMs: 0,
    });
  };
}

function failure(errorCode: number, errorMessage: string): SaslAuthenticateResponse {
  return { errorCode, errorMessage, authBytes: Buffer.alloc(0), sessionLifetimeMs: 0 };
}
