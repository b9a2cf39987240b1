import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type FetchRequest, type FetchResponse } from './types';
import { fetchV0 } from './v0';
import { fetchV1 } from './v1';
import { fetchV2 } from './v2';
import { fetchV3 } from './v3';
import { fetchV4 } from './v4';
import { fetchV5 } from './v5';
import { fetchV6 } from './v6';
import { fetchV7 } from './v7';
import { fetchV8 } from './v8';
import { fetchV9 } from './v9';
import { fetchV10 } from './v10';
import { fetchV11 } from './v11';

export * from './types';

/** Fetch (key 1), versions 0–11. */
export const fetchApi: ApiCodec<FetchRequest, FetchResponse> = {
  apiKey: ApiKey.Fetch,
  name: 'Fetch',
  versions: [
    fetchV0,
    fetchV1,
    fetchV2,
    fetchV3,
    fetchV4,
    fetchV5,
    fetchV6,
    fetchV7,
    fetchV8,
    fetchV9,
    fetchV10,
    fetchV11,
  ],
  flexibleFrom: 12,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    // Like Kafka's FetchRequest.getErrorResponse: the top-level code (v7+) and every partition.
    errorCode,
    sessionId: 0,
    responses: request.topics.map((topic) => ({
      topic: topic.topic,
      partitions: topic.partitions.map((partition) => ({
        partitionIndex: partition.partition,
        errorCode,
        highWatermark: -1,
        lastStableOffset: -1,
        logStartOffset: -1,
        abortedTransactions: null,
        preferredReadReplica: -1,
        records: Buffer.alloc(0),
      })),
    })),
  }),
};
