import { versionCodec } from '../../api-codec';
import { requestV1, responseV1 } from './v1';

/**
 * DescribeConfigs Request (Version: 2) => same as version 1.
 * DescribeConfigs Response (Version: 2) => same as version 1.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 * kafkajs sends v2. (v3 adds config types and documentation; v4 is flexible.)
 */
export const requestV2 = requestV1;
export const responseV2 = responseV1;

export const describeConfigsV2 = versionCodec(2, requestV2, responseV2);
