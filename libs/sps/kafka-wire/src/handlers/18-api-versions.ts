/**
 * ApiVersions (API key 18) — versions 0–2; v3+ answered in the v0 layout with error 35.
 *
 * Behaviour: lists, for every API this server serves (a handler is registered), the range
 * min 0 .. highest non-flexible version (protocol/supported-versions.ts). Error code 0,
 * throttle 0. Allowed before SASL authentication, as in Kafka.
 *
 * The v3 trap (KAFKA-WIRE §3.2): librdkafka opens with ApiVersions v3, a flexible request.
 * Like Kafka's RequestContext.parseRequest for any unsupported ApiVersions version, the
 * server answers with UNSUPPORTED_VERSION (35) in the v0 body layout, response header v0,
 * WITH our ranges; librdkafka 2.0.2 then retries with v0, kafkajs steps 2→1→0 on error 35.
 * That answer is built by {@link unsupportedApiVersionsResponse} (the dispatcher sends it
 * before any handler runs, because the flexible request is never decoded).
 *
 * Deliberately not done: no flexible versions (v3 client software name/version, KIP-511
 * metrics), no finalized features (KIP-584), no throttling.
 */
import { KafkaError } from '../protocol/error-codes';
import { type ApiVersionRange, type ApiVersionsResponse } from '../protocol/apis';
import { type HandlerFor } from './handler';

/** Supplies the currently advertised ranges (they depend on registered handlers). */
export type AdvertisedVersions = () => ApiVersionRange[];

export function createApiVersionsHandler(advertised: AdvertisedVersions): HandlerFor<18> {
  return (_request, _ctx) =>
    Promise.resolve({ errorCode: KafkaError.NONE, apiKeys: advertised(), throttleTimeMs: 0 });
}

/** The answer to an ApiVersions version we do not serve: error 35 plus our ranges (v0 layout). */
export function unsupportedApiVersionsResponse(
  advertised: AdvertisedVersions,
): ApiVersionsResponse {
  return { errorCode: KafkaError.UNSUPPORTED_VERSION, apiKeys: advertised(), throttleTimeMs: 0 };
}
