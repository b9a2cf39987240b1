/**
 * SaslHandshake (API key 17), versions 0–1 — field names from Kafka's
 * SaslHandshakeRequest.json / SaslHandshakeResponse.json. Never flexible.
 */
export interface SaslHandshakeRequest {
  /** e.g. "PLAIN". */
  mechanism: string;
}

export interface SaslHandshakeResponse {
  errorCode: number;
  /** The mechanisms this broker enables. */
  mechanisms: string[];
}
