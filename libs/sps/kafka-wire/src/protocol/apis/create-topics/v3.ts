import { versionCodec } from '../../api-codec';
import { requestV2, responseV2 } from './v2';

/**
 * CreateTopics Request (Version: 3) => same as version 2.
 * CreateTopics Response (Version: 3) => same as version 2.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 * kafkajs sends v3.
 */
export const requestV3 = requestV2;
export const responseV3 = responseV2;

export const createTopicsV3 = versionCodec(3, requestV3, responseV3);
