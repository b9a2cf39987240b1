/**
 * The seam between the wire layer and whatever serves requests (the engine, later). A handler
 * gets a decoded, version-normalised request and returns the response object; the server
 * does framing, ordering, encoding, errors and connection state.
 */
import { type ApiKey } from '../protocol/api-keys';
import { type RequestOf, type ResponseOf } from '../protocol/apis';
import { type WireLogger } from '../server/logger';
import { type SaslSession } from '../server/sasl-session';

/** Returned by a handler to send nothing (only valid for Produce with acks=0). */
export const NO_RESPONSE: unique symbol = Symbol('kafka-wire.no-response');
/** The type of {@link NO_RESPONSE}. */
export type NoResponse = typeof NO_RESPONSE;

/** What a handler may know about the connection a request came in on. */
export interface ConnectionContext {
  /** Process-unique connection number, for logs. */
  readonly id: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** The client id of the latest request header on this connection. */
  readonly clientId: string | null;
  /** SASL state; `sasl.principal` is the authenticated user (null without SASL). */
  readonly sasl: SaslSession;
}

/** Per-request context handed to a handler. */
export interface RequestContext {
  readonly apiKey: ApiKey;
  /** The request's version: fields a version lacks hold their defaults (see each type). */
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
  readonly connection: ConnectionContext;
  /**
   * Aborted when the connection closes or the server shuts down: a parked request (Fetch
   * long-poll, JoinGroup waiting for the group) should answer with what it has, promptly.
   */
  readonly signal: AbortSignal;
  readonly logger: WireLogger;
  /** Close the connection once this request's response is written (Kafka does this after
   * a failed SASL authentication). */
  closeConnectionAfterResponse(reason: string): void;
}

/**
 * Serves one API: `(request, ctx) => response`. May be async (Fetch long-polls): later
 * requests on the same connection wait, so answers keep request order. A thrown error
 * becomes an error response (`kafkaErrorFor(error)` in every error code, -1 for non-SPS
 * errors), or closes the connection when no response can be sent (acks=0).
 */
export type Handler<Req, Res> = (request: Req, ctx: RequestContext) => Promise<Res | NoResponse>;

/** The handler type for API key `K`. */
export type HandlerFor<K extends ApiKey> = Handler<RequestOf<K>, ResponseOf<K>>;

/** Handlers by API key, e.g. `{ [ApiKey.Metadata]: metadataHandler }`. */
export type HandlerMap = { [K in ApiKey]?: HandlerFor<K> };
