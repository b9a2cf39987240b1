import { versionCodec } from '../../api-codec';
import {
  absent,
  absentArray,
  array,
  bool,
  type Fields,
  int16,
  int32,
  int8,
  nullableArray,
  nullableStr,
  str,
  struct,
} from '../../fields';
import {
  type DescribeConfigsRequest,
  type DescribeConfigsResource,
  type DescribeConfigsResourceResult,
  type DescribeConfigsResponse,
  type DescribeConfigsResult,
} from './types';

/**
 * DescribeConfigs Request (Version: 0) => [resources]
 *   resources => resource_type resource_name [configuration_keys]
 *     resource_type => INT8
 *     resource_name => STRING
 *     configuration_keys => STRING   (nullable array: null = all)
 *
 * DescribeConfigs Response (Version: 0) => throttle_time_ms [results]
 *   throttle_time_ms => INT32
 *   results => error_code error_message resource_type resource_name [configs]
 *     error_code => INT16
 *     error_message => NULLABLE_STRING
 *     resource_type => INT8
 *     resource_name => STRING
 *     configs => name value read_only is_default is_sensitive
 *       name => STRING
 *       value => NULLABLE_STRING
 *       read_only => BOOLEAN
 *       is_default => BOOLEAN
 *       is_sensitive => BOOLEAN
 */
export const resourceV0: Fields<DescribeConfigsResource> = {
  resourceType: int8,
  resourceName: str,
  configurationKeys: nullableArray(str),
};
export const requestV0: Fields<DescribeConfigsRequest> = {
  resources: array(struct(resourceV0)),
  includeSynonyms: absent(false),
};

export const configV0: Fields<DescribeConfigsResourceResult> = {
  name: str,
  value: nullableStr,
  readOnly: bool,
  isDefault: bool,
  configSource: absent(-1),
  isSensitive: bool,
  synonyms: absentArray(),
};
export const resultV0: Fields<DescribeConfigsResult> = {
  errorCode: int16,
  errorMessage: nullableStr,
  resourceType: int8,
  resourceName: str,
  configs: array(struct(configV0)),
};
export const responseV0: Fields<DescribeConfigsResponse> = {
  throttleTimeMs: int32,
  results: array(struct(resultV0)),
};

export const describeConfigsV0 = versionCodec(0, requestV0, responseV0);
