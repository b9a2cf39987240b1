/**
 * Body-level encode/decode for any API and version: the entry points the server (decode
 * requests, encode responses) and the tests (the reverse directions) use. Headers and the
 * 4-byte size prefix are framing's job (header.ts, frame.ts).
 */
import { SpsError } from '@shopstream/sps-core';
import { type ApiCodec, type VersionCodec } from './api-codec';
import { type ApiKey } from './api-keys';
import { type Field } from './fields';
import { API_CODECS, type RequestOf, type ResponseOf } from './apis';
import { KafkaReader } from './kafka-reader';
import { KafkaWriter } from './kafka-writer';

/** The codec of `apiKey` with its types erased, for code that dispatches on a runtime key. */
export function codecFor(apiKey: ApiKey): ApiCodec<unknown, unknown> {
  return API_CODECS[apiKey];
}

/** The codec of one version, or undefined when we have none for it. */
export function versionCodecFor(
  apiKey: ApiKey,
  version: number,
): VersionCodec<unknown, unknown> | undefined {
  return codecFor(apiKey).versions[version];
}

function requireVersion<K extends ApiKey>(
  apiKey: K,
  version: number,
): VersionCodec<RequestOf<K>, ResponseOf<K>> {
  const codec = API_CODECS[apiKey] as ApiCodec<RequestOf<K>, ResponseOf<K>>;
  const v = codec.versions[version];
  if (v === undefined) {
    throw new SpsError('SPS_ERR_INVALID_ARGUMENT', `${codec.name} has no version ${version}`, {
      context: { apiKey, version },
    });
  }
  return v;
}

/**
 * Decodes a request body. The whole body must be consumed: trailing bytes mean we and the
 * client disagree about the layout, which is a malformed request, not something to ignore.
 */
export function decodeRequest<K extends ApiKey>(
  apiKey: K,
  version: number,
  body: Buffer | KafkaReader,
): RequestOf<K> {
  const reader = body instanceof KafkaReader ? body : new KafkaReader(body);
  const request = requireVersion(apiKey, version).request.read(reader);
  if (reader.remaining !== 0)
    reader.fail(`${reader.remaining} trailing bytes after the request body`);
  return request;
}

/** Encodes a response body (no header, no size). */
export function encodeResponse<K extends ApiKey>(
  apiKey: K,
  version: number,
  response: ResponseOf<K>,
): Buffer {
  return encodeWith(requireVersion(apiKey, version).response, response);
}

/** Encodes `value` with `field` into a fresh buffer. */
export function encodeWith<T>(field: Field<T>, value: T): Buffer {
  const writer = new KafkaWriter();
  field.write(writer, value);
  return Buffer.from(writer.finish());
}

/** Encodes a request body — the client direction, for tests and tools. */
export function encodeRequest<K extends ApiKey>(
  apiKey: K,
  version: number,
  request: RequestOf<K>,
): Buffer {
  return encodeWith(requireVersion(apiKey, version).request, request);
}

/** Decodes a response body — the client direction, for tests and tools. */
export function decodeResponse<K extends ApiKey>(
  apiKey: K,
  version: number,
  body: Buffer,
): ResponseOf<K> {
  const reader = new KafkaReader(body);
  const response = requireVersion(apiKey, version).response.read(reader);
  if (reader.remaining !== 0)
    reader.fail(`${reader.remaining} trailing bytes after the response body`);
  return response;
}
