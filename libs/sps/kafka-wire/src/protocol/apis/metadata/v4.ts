import { versionCodec } from '../../api-codec';
import { bool, type Fields } from '../../fields';
import { type MetadataRequest } from './types';
import { requestV3, responseV3 } from './v3';

/**
 * Metadata Request (Version: 4) => [topics] allow_auto_topic_creation
 *   topics => name   (nullable)
 *     name => STRING
 *   allow_auto_topic_creation => BOOLEAN
 *
 * Metadata Response (Version: 4) => same as version 3.
 *
 * librdkafka 2.0.2 sends Metadata v4 (KAFKA-WIRE §3.2).
 */
export const requestV4: Fields<MetadataRequest> = { ...requestV3, allowAutoTopicCreation: bool };
export const responseV4 = responseV3;

export const metadataV4 = versionCodec(4, requestV4, responseV4);
