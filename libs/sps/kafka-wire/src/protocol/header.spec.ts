import { describe, expect, it } from 'vitest';
import {
  readHeaderPrefix,
  readRequestHeader,
  readResponseHeader,
  requestFrame,
  responseFrame,
} from './header';
import { KafkaReader } from './kafka-reader';

/* eslint-disable @typescript-eslint/no-require-imports */
const kafkajsRequest = require('kafkajs/src/protocol/request') as (
  args: object,
) => Promise<{ buffer: Buffer }>;
const Encoder = require('kafkajs/src/protocol/encoder') as new () => {
  writeInt8(v: number): unknown;
};

describe('headers', () => {
  it('reads the request header v1 kafkajs writes (size, key, version, correlation id, client id)', async () => {
    const encoded = await kafkajsRequest({
      correlationId: 42,
      clientId: 'order-api',
      request: {
        apiKey: 3,
        apiVersion: 6,
        encode: () => Promise.resolve(new Encoder().writeInt8(9)),
      },
    });
    const bytes = Buffer.from(encoded.buffer);
    expect(bytes.readInt32BE(0)).toBe(bytes.length - 4);
    const reader = new KafkaReader(bytes, 4);
    expect(readRequestHeader(reader)).toEqual({
      apiKey: 3,
      apiVersion: 6,
      correlationId: 42,
      clientId: 'order-api',
    });
    expect(reader.remaining).toBe(1);
    expect(
      requestFrame(
        { apiKey: 3, apiVersion: 6, correlationId: 42, clientId: 'order-api' },
        Buffer.from([9]),
      ),
    ).toEqual(bytes);
    expect(readHeaderPrefix(bytes.subarray(4))).toEqual({
      apiKey: 3,
      apiVersion: 6,
      correlationId: 42,
    });
  });

  it('writes response header v0: size, correlation id, body', () => {
    const frame = responseFrame(7, Buffer.from([1, 2, 3]));
    expect(frame).toEqual(Buffer.from([0, 0, 0, 7, 0, 0, 0, 7, 1, 2, 3]));
    expect(readResponseHeader(frame.subarray(4))).toEqual({
      correlationId: 7,
      body: Buffer.from([1, 2, 3]),
    });
  });
});
