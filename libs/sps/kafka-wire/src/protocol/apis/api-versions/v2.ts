import { versionCodec } from '../../api-codec';
import { requestV1, responseV1 } from './v1';

/**
 * ApiVersions Request (Version: 2) => (no fields)
 * ApiVersions Response (Version: 2) => same as version 1.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 * kafkajs opens with v2. Version 3 is flexible (librdkafka opens with it); we stop here.
 */
export const requestV2 = requestV1;
export const responseV2 = responseV1;

export const apiVersionsV2 = versionCodec(2, requestV2, responseV2);
