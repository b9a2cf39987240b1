/**
 * One connection's SASL state, following Kafka's SaslServerAuthenticator:
 *
 *   handshake ──SaslHandshake(PLAIN) v1──▶ authenticate ──SaslAuthenticate ok──▶ authenticated
 *       │                                                                       ▲
 *       └──────SaslHandshake(PLAIN) v0──▶ raw-token ──raw PLAIN token ok────────┘
 *
 * Before `authenticated` only ApiVersions and the SASL requests of the current step are
 * served; anything else closes the connection (Kafka: IllegalSaslStateException).
 * Without configured users the session is `disabled` and everything is allowed.
 */
export type SaslState = 'disabled' | 'handshake' | 'authenticate' | 'raw-token' | 'authenticated';

export class SaslSession {
  private current: SaslState;
  private user: string | null = null;

  constructor(enabled: boolean) {
    this.current = enabled ? 'handshake' : 'disabled';
  }

  get state(): SaslState {
    return this.current;
  }

  /** True when requests other than ApiVersions/SASL may be served. */
  get open(): boolean {
    return this.current === 'disabled' || this.current === 'authenticated';
  }

  /** The authenticated user name, or null. */
  get principal(): string | null {
    return this.user;
  }

  /** A PLAIN handshake was accepted: v0 means raw tokens follow, v1 SaslAuthenticate. */
  handshakeAccepted(version: number): void {
    this.current = version === 0 ? 'raw-token' : 'authenticate';
  }

  /** Credentials were verified. */
  authenticated(principal: string): void {
    this.user = principal;
    this.current = 'authenticated';
  }
}
