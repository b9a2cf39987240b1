/**
 * SaslAuthenticate (API key 36), versions 0–1 — field names from Kafka's
 * SaslAuthenticateRequest.json / SaslAuthenticateResponse.json.
 */
export interface SaslAuthenticateRequest {
  /** The mechanism's token; for PLAIN: authzid NUL authcid NUL password (RFC 4616). */
  authBytes: Buffer;
}

export interface SaslAuthenticateResponse {
  errorCode: number;
  errorMessage: string | null;
  authBytes: Buffer;
  /** v1+: 0 = the session never expires (no re-authentication, KIP-368). @default 0 */
  sessionLifetimeMs: number;
}
