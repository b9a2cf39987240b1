/**
 * Turns one frame into a unit of work, eagerly, as soon as it arrives (decoding ahead of the
 * request being handled). Everything that makes a frame unusable throws, and the connection
 * closes: Kafka closes the connection on a request it cannot parse (unknown API key, a version
 * without a layout, truncated or trailing bytes) because the byte stream can no longer be
 * trusted. The exceptions are answered, not fatal:
 * - ApiVersions at a version we do not serve (librdkafka's flexible v3): the fixed header
 *   prefix is enough to answer in the v0 layout (KAFKA-WIRE §3.2).
 * - a version we can decode but do not advertise (only with `advertisedMaxVersions` caps):
 *   decoded, then answered with UNSUPPORTED_VERSION in that API's own response.
 */
import { SpsError } from '@shopstream/sps-core';
import { apiName, type ApiKey, ApiKey as Key, isKnownApiKey } from '../protocol/api-keys';
import { decodeRequest, versionCodecFor } from '../protocol/codec';
import {
  FIXED_REQUEST_HEADER_BYTES,
  readHeaderPrefix,
  readRequestHeader,
} from '../protocol/header';
import { KafkaReader } from '../protocol/kafka-reader';
import { type ServerCore } from './server-core';

/** A decoded request ready for its handler. */
export interface RequestItem {
  readonly kind: 'request';
  readonly apiKey: ApiKey;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
  readonly request: unknown;
  /** False when the version decodes but is outside the advertised range (answer error 35). */
  readonly advertised: boolean;
  readonly bytes: number;
}

/** An ApiVersions request at a version we cannot decode (answer v0 layout, error 35). */
export interface ApiVersionsFallbackItem {
  readonly kind: 'api-versions-fallback';
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly bytes: number;
}

/** A raw SASL token frame after a SaslHandshake v0 (no Kafka header at all). */
export interface SaslTokenItem {
  readonly kind: 'sasl-token';
  readonly token: Buffer;
  readonly bytes: number;
}

export type WorkItem = RequestItem | ApiVersionsFallbackItem | SaslTokenItem;

/** Per-connection decode state. */
export interface ClassifyState {
  /** Set when a SaslHandshake v0 for PLAIN was decoded: the next frame is a raw token. */
  expectRawToken: boolean;
}

function fatal(message: string, context: Record<string, unknown>): SpsError {
  return new SpsError('SPS_ERR_MALFORMED', message, { context });
}

export function classifyFrame(frame: Buffer, core: ServerCore, state: ClassifyState): WorkItem {
  const bytes = frame.length + 4;
  if (state.expectRawToken) {
    state.expectRawToken = false;
    return { kind: 'sasl-token', token: Buffer.from(frame), bytes };
  }
  if (frame.length < FIXED_REQUEST_HEADER_BYTES) {
    throw fatal(`frame of ${frame.length} bytes is too short for a request header`, {
      size: frame.length,
    });
  }
  const { apiKey, apiVersion, correlationId } = readHeaderPrefix(frame);
  const context = { apiKey, apiName: apiName(apiKey), apiVersion, correlationId };
  const range = core.servedRange(apiKey);
  if (range === undefined || !isKnownApiKey(apiKey)) {
    throw fatal(
      `request for ${apiName(apiKey)} (key ${apiKey}), which this server does not serve`,
      context,
    );
  }
  if (
    apiKey === Key.ApiVersions &&
    versionCodecFor(apiKey, apiVersion) === undefined &&
    apiVersion >= 0
  ) {
    return { kind: 'api-versions-fallback', apiVersion, correlationId, bytes };
  }
  if (versionCodecFor(apiKey, apiVersion) === undefined) {
    throw fatal(
      `${apiName(apiKey)} v${apiVersion} is not a version this server can decode`,
      context,
    );
  }
  const reader = new KafkaReader(frame);
  let clientId: string | null;
  let request: unknown;
  try {
    clientId = readRequestHeader(reader).clientId;
    request = decodeRequest(apiKey, apiVersion, reader);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fatal(`malformed ${apiName(apiKey)} v${apiVersion} request: ${reason}`, context);
  }
  const advertised = apiVersion >= range.minVersion && apiVersion <= range.maxVersion;
  if (core.users !== null && apiKey === Key.SaslHandshake && apiVersion === 0) {
    // KIP-43: after an accepted v0 handshake the next frame is a bare token. Decided here,
    // at decode time, because that frame is not a Kafka request and must not be parsed as one.
    state.expectRawToken = (request as { mechanism: string }).mechanism === 'PLAIN';
  }
  return {
    kind: 'request',
    apiKey,
    apiVersion,
    correlationId,
    clientId,
    request,
    advertised,
    bytes,
  };
}
