import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type FindCoordinatorRequest, type FindCoordinatorResponse } from './types';
import { findCoordinatorV0 } from './v0';
import { findCoordinatorV1 } from './v1';
import { findCoordinatorV2 } from './v2';

export * from './types';

/** FindCoordinator (key 10), versions 0–2. */
export const findCoordinatorApi: ApiCodec<FindCoordinatorRequest, FindCoordinatorResponse> = {
  apiKey: ApiKey.FindCoordinator,
  name: 'FindCoordinator',
  versions: [findCoordinatorV0, findCoordinatorV1, findCoordinatorV2],
  flexibleFrom: 3,
  errorResponse: (_request, errorCode) => ({
    throttleTimeMs: 0,
    errorCode,
    errorMessage: null,
    nodeId: -1,
    host: '',
    port: -1,
  }),
};
