/**
 * Serves one unit of work and produces what to write back. Never throws: every failure
 * becomes either an error response (protocol errors are data, STYLE rule 5) or a reason to
 * close the connection (only when no honest response can be sent).
 */
import { type ApiCodec } from '../protocol/api-codec';
import { apiName, ApiKey } from '../protocol/api-keys';
import { codecFor, encodeResponse, encodeWith } from '../protocol/codec';
import { KafkaError } from '../protocol/error-codes';
import { responseFrame } from '../protocol/header';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type ConnectionContext, NO_RESPONSE, type RequestContext } from '../handlers/handler';
import { unsupportedApiVersionsResponse } from '../handlers/18-api-versions';
import { verifyPlain } from '../handlers/sasl-plain';
import { type RequestItem, type WorkItem } from './classify';
import { errorFields } from './logger';
import { type ServerCore } from './server-core';

/** What to do after serving one item: write `frame` (if any), then close if `close` is set. */
export interface Outcome {
  readonly frame?: Buffer;
  readonly close?: string;
}

/** The connection as dispatch sees it. */
export interface DispatchConnection {
  readonly context: ConnectionContext;
  readonly signal: AbortSignal;
  setClientId(clientId: string | null): void;
}

/** APIs a connection may use before SASL authentication completes (as in Kafka). */
const BEFORE_AUTH = new Set<number>([
  ApiKey.ApiVersions,
  ApiKey.SaslHandshake,
  ApiKey.SaslAuthenticate,
]);

export async function dispatch(
  item: WorkItem,
  conn: DispatchConnection,
  core: ServerCore,
): Promise<Outcome> {
  switch (item.kind) {
    case 'api-versions-fallback': {
      const body = encodeResponse(
        ApiKey.ApiVersions,
        0,
        unsupportedApiVersionsResponse(() => core.advertised()),
      );
      return { frame: responseFrame(item.correlationId, body) };
    }
    case 'sasl-token':
      return rawSaslToken(item.token, conn, core);
    case 'request':
      return serveRequest(item, conn, core);
  }
}

/** KIP-43 v0 flow: a good PLAIN token is answered with an empty token; a bad one closes. */
function rawSaslToken(token: Buffer, conn: DispatchConnection, core: ServerCore): Outcome {
  const sasl = conn.context.sasl;
  if (sasl.state !== 'raw-token' || core.users === null) {
    return { close: `unexpected raw SASL token in SASL state ${sasl.state}` };
  }
  const principal = verifyPlain(core.users, token);
  if (principal === null) return { close: 'SASL/PLAIN authentication failed (raw token)' };
  sasl.authenticated(principal);
  return { frame: Buffer.alloc(4) };
}

async function serveRequest(
  item: RequestItem,
  conn: DispatchConnection,
  core: ServerCore,
): Promise<Outcome> {
  conn.setClientId(item.clientId);
  const name = apiName(item.apiKey);
  if (!conn.context.sasl.open && !BEFORE_AUTH.has(item.apiKey)) {
    return { close: `${name} request before SASL authentication completed` };
  }
  const codec = codecFor(item.apiKey);
  const expectsResponse = codec.expectsResponse?.(item.request) ?? true;
  if (!item.advertised) {
    if (!expectsResponse) return { close: `${name} v${item.apiVersion} is not advertised` };
    return encodeOutcome(
      item,
      codec,
      codec.errorResponse(item.request, KafkaError.UNSUPPORTED_VERSION),
      conn,
      core,
    );
  }
  const handler = core.registry.get(item.apiKey);
  if (handler === undefined) return { close: `no handler for ${name}` };

  let closeReason: string | undefined;
  const ctx: RequestContext = {
    apiKey: item.apiKey,
    apiVersion: item.apiVersion,
    correlationId: item.correlationId,
    clientId: item.clientId,
    connection: conn.context,
    signal: conn.signal,
    logger: core.logger,
    closeConnectionAfterResponse: (reason) => {
      closeReason ??= reason;
    },
  };
  let response: unknown;
  try {
    response = await handler(item.request, ctx);
  } catch (error) {
    core.logger.error(`${name} handler failed`, {
      ...logFields(item, conn),
      ...errorFields(error),
    });
    // Kafka closes the connection when an acks=0 produce fails: there is no other way to say so.
    if (!expectsResponse) return { close: `${name} handler failed and no response is expected` };
    response = codec.errorResponse(item.request, kafkaErrorFor(error));
  }
  if (response === NO_RESPONSE || !expectsResponse) {
    // acks=0: nothing is written, whatever the handler returned. Anything else must answer,
    // or the client would wait forever for this correlation id.
    if (expectsResponse)
      return { close: `${name} handler returned no response to a request that needs one` };
    return closeReason === undefined ? {} : { close: closeReason };
  }
  const outcome = encodeOutcome(item, codec, response, conn, core);
  return closeReason === undefined || outcome.close !== undefined
    ? outcome
    : { ...outcome, close: closeReason };
}

/** Encodes the response; if the handler built something unencodable (a bug), answers -1. */
function encodeOutcome(
  item: RequestItem,
  codec: ApiCodec<unknown, unknown>,
  response: unknown,
  conn: DispatchConnection,
  core: ServerCore,
): Outcome {
  const version = codec.versions[item.apiVersion]!;
  try {
    return { frame: responseFrame(item.correlationId, encodeWith(version.response, response)) };
  } catch (error) {
    core.logger.error(`${codec.name} response could not be encoded`, {
      ...logFields(item, conn),
      ...errorFields(error),
    });
    try {
      const fallback = codec.errorResponse(item.request, KafkaError.UNKNOWN_SERVER_ERROR);
      return { frame: responseFrame(item.correlationId, encodeWith(version.response, fallback)) };
    } catch {
      return { close: `${codec.name} response could not be encoded` };
    }
  }
}

function logFields(item: RequestItem, conn: DispatchConnection): Record<string, unknown> {
  return {
    connection: conn.context.id,
    clientId: item.clientId,
    apiKey: item.apiKey,
    apiVersion: item.apiVersion,
    correlationId: item.correlationId,
  };
}
