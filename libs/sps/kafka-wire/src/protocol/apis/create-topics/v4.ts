import { versionCodec } from '../../api-codec';
import { requestV3, responseV3 } from './v3';

/**
 * CreateTopics Request (Version: 4) => same as version 3.
 * CreateTopics Response (Version: 4) => same as version 3.
 *
 * The bump allows num_partitions and replication_factor of -1 = broker default (KIP-464).
 * librdkafka 2.x sends v4. Version 5 is the first flexible version; we stop here.
 */
export const requestV4 = requestV3;
export const responseV4 = responseV3;

export const createTopicsV4 = versionCodec(4, requestV4, responseV4);
