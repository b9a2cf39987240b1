import { versionCodec } from '../../api-codec';
import { requestV2, responseV2 } from './v2';

/**
 * DeleteTopics Request (Version: 3) => same as version 2.
 * DeleteTopics Response (Version: 3) => same as version 2.
 *
 * The bump means the client understands TOPIC_DELETION_DISABLED (73).
 * Version 4 is the first flexible version; we stop here.
 */
export const requestV3 = requestV2;
export const responseV3 = responseV2;

export const deleteTopicsV3 = versionCodec(3, requestV3, responseV3);
