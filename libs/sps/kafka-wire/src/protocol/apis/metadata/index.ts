import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type MetadataRequest, type MetadataResponse } from './types';
import { metadataV0 } from './v0';
import { metadataV1 } from './v1';
import { metadataV2 } from './v2';
import { metadataV3 } from './v3';
import { metadataV4 } from './v4';
import { metadataV5 } from './v5';
import { metadataV6 } from './v6';
import { metadataV7 } from './v7';
import { metadataV8 } from './v8';

export * from './types';

/** Metadata (key 3), versions 0–8. */
export const metadataApi: ApiCodec<MetadataRequest, MetadataResponse> = {
  apiKey: ApiKey.Metadata,
  name: 'Metadata',
  versions: [
    metadataV0,
    metadataV1,
    metadataV2,
    metadataV3,
    metadataV4,
    metadataV5,
    metadataV6,
    metadataV7,
    metadataV8,
  ],
  flexibleFrom: 9,
  // Kafka's MetadataRequest.getErrorResponse: no brokers, each requested topic with the error.
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    brokers: [],
    clusterId: null,
    controllerId: -1,
    topics: (request.topics ?? []).map((topic) => ({
      errorCode,
      name: topic.name,
      isInternal: false,
      partitions: [],
      topicAuthorizedOperations: -2147483648,
    })),
    clusterAuthorizedOperations: -2147483648,
  }),
};
