import { versionCodec } from '../../api-codec';
import { requestV1, responseV1 } from './v1';

/**
 * DescribeGroups Request (Version: 2) => same as version 1.
 * DescribeGroups Response (Version: 2) => same as version 1.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 * kafkajs 2.2.4 stops here.
 */
export const requestV2 = requestV1;
export const responseV2 = responseV1;

export const describeGroupsV2 = versionCodec(2, requestV2, responseV2);
