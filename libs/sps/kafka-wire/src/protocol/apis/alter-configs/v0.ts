import { versionCodec } from '../../api-codec';
import {
  array,
  bool,
  type Fields,
  int16,
  int32,
  int8,
  nullableStr,
  str,
  struct,
} from '../../fields';
import {
  type AlterableConfig,
  type AlterConfigsRequest,
  type AlterConfigsResource,
  type AlterConfigsResourceResponse,
  type AlterConfigsResponse,
} from './types';

/**
 * AlterConfigs Request (Version: 0) => [resources] validate_only
 *   resources => resource_type resource_name [configs]
 *     resource_type => INT8
 *     resource_name => STRING
 *     configs => name value
 *       name => STRING
 *       value => NULLABLE_STRING
 *   validate_only => BOOLEAN
 *
 * AlterConfigs Response (Version: 0) => throttle_time_ms [responses]
 *   throttle_time_ms => INT32
 *   responses => error_code error_message resource_type resource_name
 *     error_code => INT16
 *     error_message => NULLABLE_STRING
 *     resource_type => INT8
 *     resource_name => STRING
 */
export const configV0: Fields<AlterableConfig> = { name: str, value: nullableStr };
export const resourceV0: Fields<AlterConfigsResource> = {
  resourceType: int8,
  resourceName: str,
  configs: array(struct(configV0)),
};
export const requestV0: Fields<AlterConfigsRequest> = {
  resources: array(struct(resourceV0)),
  validateOnly: bool,
};

export const resourceResponseV0: Fields<AlterConfigsResourceResponse> = {
  errorCode: int16,
  errorMessage: nullableStr,
  resourceType: int8,
  resourceName: str,
};
export const responseV0: Fields<AlterConfigsResponse> = {
  throttleTimeMs: int32,
  responses: array(struct(resourceResponseV0)),
};

export const alterConfigsV0 = versionCodec(0, requestV0, responseV0);
