/**
 * Request and response headers (kafka.apache.org/protocol.html#protocol_messages,
 * RequestHeader.json / ResponseHeader.json).
 *
 * Request Header v1 => request_api_key request_api_version correlation_id client_id
 *   request_api_key => INT16
 *   request_api_version => INT16
 *   correlation_id => INT32
 *   client_id => NULLABLE_STRING
 * Request Header v2 (flexible requests) => v1, then TAG_BUFFER
 *
 * client_id stays a classic int16 string even in v2 ("flexibleVersions": "none"), so the
 * first three fields sit at fixed offsets in every header version: that is what lets any
 * broker read enough of an ApiVersions request it does not understand to answer it.
 * Every request we serve is non-flexible, so it uses header v1.
 *
 * Response Header v0 => correlation_id
 *   correlation_id => INT32
 * Flexible responses use v1 (+ TAG_BUFFER) — except ApiVersions, always v0. We send no
 * flexible response, so every response uses v0.
 */
import { KafkaReader } from './kafka-reader';
import { KafkaWriter } from './kafka-writer';

/** Bytes of the fixed part of every request header (key, version, correlation id). */
export const FIXED_REQUEST_HEADER_BYTES = 8;

/** The fixed part of a request header, readable in every header version. */
export interface RequestHeaderPrefix {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
}

/** A request header v1. */
export interface RequestHeader extends RequestHeaderPrefix {
  clientId: string | null;
}

/** Reads the fixed prefix; the caller checked the frame holds at least 8 bytes. */
export function readHeaderPrefix(frame: Buffer): RequestHeaderPrefix {
  return {
    apiKey: frame.readInt16BE(0),
    apiVersion: frame.readInt16BE(2),
    correlationId: frame.readInt32BE(4),
  };
}

/** Reads a request header v1 and leaves `reader` at the start of the body. */
export function readRequestHeader(reader: KafkaReader): RequestHeader {
  const apiKey = reader.int16();
  const apiVersion = reader.int16();
  const correlationId = reader.int32();
  const clientId = reader.nullableString('client_id');
  return { apiKey, apiVersion, correlationId, clientId };
}

/** Encodes a request header v1 (client direction, for tests and tools). */
export function writeRequestHeader(writer: KafkaWriter, header: RequestHeader): void {
  writer.int16(header.apiKey).int16(header.apiVersion).int32(header.correlationId);
  writer.nullableString(header.clientId, 'client_id');
}

/** A complete response frame: int32 size, response header v0 (correlation id), body. */
export function responseFrame(correlationId: number, body: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(8 + body.length);
  frame.writeInt32BE(4 + body.length, 0);
  frame.writeInt32BE(correlationId, 4);
  frame.set(body, 8);
  return frame;
}

/** A complete request frame: int32 size, request header v1, body (client direction). */
export function requestFrame(header: RequestHeader, body: Uint8Array): Buffer {
  const writer = new KafkaWriter();
  const at = writer.reserve(4);
  writeRequestHeader(writer, header);
  writer.bytes(body);
  const frame = Buffer.from(writer.finish());
  frame.writeInt32BE(frame.length - 4, at);
  return frame;
}

/** Splits a response frame body (after the size) into correlation id and body. */
export function readResponseHeader(payload: Buffer): { correlationId: number; body: Buffer } {
  const reader = new KafkaReader(payload);
  const correlationId = reader.int32();
  return { correlationId, body: payload.subarray(reader.offset) };
}
