import { versionCodec } from '../../api-codec';
import { type Fields, nullableStr } from '../../fields';
import { type ProduceRequest } from './types';
import { requestV2, responseV2 } from './v2';

/**
 * Produce Request (Version: 3) => transactional_id acks timeout_ms [topic_data]
 *   transactional_id => NULLABLE_STRING
 *   acks => INT16
 *   timeout_ms => INT32
 *   topic_data => name [partition_data]
 *     name => STRING
 *     partition_data => index records
 *       index => INT32
 *       records => RECORDS  (RecordBatch v2 from here on, KIP-98)
 *
 * Produce Response (Version: 3) => same as version 2.
 */
export const requestV3: Fields<ProduceRequest> = { ...requestV2, transactionalId: nullableStr };
export const responseV3 = responseV2;

export const produceV3 = versionCodec(3, requestV3, responseV3);
