import { describe, expect, it } from 'vitest';
import kcat from '../../../__fixtures__/kcat-api-versions.json';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeResponse } from '../../codec';
import { readHeaderPrefix } from '../../header';
import { KafkaReader } from '../../kafka-reader';

const ranges = [
  { apiKey: 0, minVersion: 0, maxVersion: 8 },
  { apiKey: 18, minVersion: 0, maxVersion: 2 },
];

describe('ApiVersions: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2])('decodes the empty v%i request', async (version) => {
    expect(
      decodeRequest(ApiKey.ApiVersions, version, await kafkajsRequestBody('apiVersions', version)),
    ).toEqual({});
  });

  it.each([0, 1, 2])('v%i response: kafkajs reads our ranges', async (version) => {
    const body = encodeResponse(ApiKey.ApiVersions, version, {
      errorCode: 0,
      apiKeys: ranges,
      throttleTimeMs: 0,
    });
    expect(await kafkajsResponse('apiVersions', version, body)).toMatchObject({
      errorCode: 0,
      apiVersions: ranges,
    });
  });

  it('the v0-layout UNSUPPORTED_VERSION answer makes kafkajs step down', async () => {
    // kafkajs tries v2, v1, v0 and moves down on a KafkaJSProtocolError of type UNSUPPORTED_VERSION.
    const body = encodeResponse(ApiKey.ApiVersions, 0, {
      errorCode: 35,
      apiKeys: ranges,
      throttleTimeMs: 0,
    });
    await expect(kafkajsResponse('apiVersions', 2, body)).rejects.toMatchObject({
      type: 'UNSUPPORTED_VERSION',
    });
  });
});

describe('ApiVersions v3 from kcat (librdkafka 2.0.2), captured on the wire', () => {
  const v3 = Buffer.from(kcat.apiVersionsV3Request, 'hex');

  it('is a flexible request whose fixed header prefix we can read', () => {
    expect(readHeaderPrefix(v3)).toEqual({ apiKey: 18, apiVersion: 3, correlationId: 1 });
    // Header v2: client_id is still a classic int16 string, then a tag buffer; the body is
    // compact strings client_software_name / client_software_version (KIP-511), then tags.
    const reader = new KafkaReader(v3, 8);
    expect(reader.nullableString()).toBe('rdkafka');
    expect(reader.uvarint()).toBe(0);
    expect(reader.bytes(reader.uvarint() - 1).toString()).toBe('librdkafka');
    expect(reader.bytes(reader.uvarint() - 1).toString()).toBe('2.0.2');
    expect(reader.uvarint()).toBe(0);
    expect(reader.remaining).toBe(0);
  });

  it('after our v0-layout error-35 answer, librdkafka retried with ApiVersions v0', () => {
    const retry = Buffer.from(kcat.retryAfterFallback, 'hex');
    expect(readHeaderPrefix(retry)).toEqual({ apiKey: 18, apiVersion: 0, correlationId: 2 });
    expect(
      decodeRequest(ApiKey.ApiVersions, 0, new KafkaReader(retry, 8 + 2 + 'rdkafka'.length)),
    ).toEqual({});
  });
});
