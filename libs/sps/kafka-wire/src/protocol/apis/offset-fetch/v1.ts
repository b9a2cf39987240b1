import { versionCodec } from '../../api-codec';
import { requestV0, responseV0 } from './v0';

/**
 * OffsetFetch Request (Version: 1) => same as version 0.
 * OffsetFetch Response (Version: 1) => same as version 0.
 *
 * v1 reads offsets committed to Kafka (not ZooKeeper); kafkajs's lowest version.
 */
export const requestV1 = requestV0;
export const responseV1 = responseV0;

export const offsetFetchV1 = versionCodec(1, requestV1, responseV1);
