import { versionCodec } from '../../api-codec';
import { absent, array, bool, type Fields, int8, nullableStr, str, struct } from '../../fields';
import {
  type DescribeConfigsRequest,
  type DescribeConfigsResourceResult,
  type DescribeConfigsResponse,
  type DescribeConfigsResult,
  type DescribeConfigsSynonym,
} from './types';
import { configV0, requestV0, responseV0, resultV0 } from './v0';

/**
 * DescribeConfigs Request (Version: 1) => [resources] include_synonyms
 *   resources => ...as in version 0
 *   include_synonyms => BOOLEAN
 *
 * DescribeConfigs Response (Version: 1) => throttle_time_ms [results]
 *   throttle_time_ms => INT32
 *   results => error_code error_message resource_type resource_name [configs]
 *     ...as in version 0, with
 *     configs => name value read_only config_source is_sensitive [synonyms]
 *       name => STRING
 *       value => NULLABLE_STRING
 *       read_only => BOOLEAN
 *       config_source => INT8
 *       is_sensitive => BOOLEAN
 *       synonyms => name value source
 *         name => STRING
 *         value => NULLABLE_STRING
 *         source => INT8
 *
 * is_default gave way to config_source (KIP-226). librdkafka 2.x sends v1.
 */
export const requestV1: Fields<DescribeConfigsRequest> = { ...requestV0, includeSynonyms: bool };

export const synonymV1: Fields<DescribeConfigsSynonym> = {
  name: str,
  value: nullableStr,
  source: int8,
};
export const configV1: Fields<DescribeConfigsResourceResult> = {
  ...configV0,
  isDefault: absent(false),
  configSource: int8,
  synonyms: array(struct(synonymV1)),
};
export const resultV1: Fields<DescribeConfigsResult> = {
  ...resultV0,
  configs: array(struct(configV1)),
};
export const responseV1: Fields<DescribeConfigsResponse> = {
  ...responseV0,
  results: array(struct(resultV1)),
};

export const describeConfigsV1 = versionCodec(1, requestV1, responseV1);
