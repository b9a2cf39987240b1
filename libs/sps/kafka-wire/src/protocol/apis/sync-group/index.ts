import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type SyncGroupRequest, type SyncGroupResponse } from './types';
import { syncGroupV0 } from './v0';
import { syncGroupV1 } from './v1';
import { syncGroupV2 } from './v2';
import { syncGroupV3 } from './v3';

export * from './types';

/** SyncGroup (key 14), versions 0–3. */
export const syncGroupApi: ApiCodec<SyncGroupRequest, SyncGroupResponse> = {
  apiKey: ApiKey.SyncGroup,
  name: 'SyncGroup',
  versions: [syncGroupV0, syncGroupV1, syncGroupV2, syncGroupV3],
  flexibleFrom: 4,
  errorResponse: (_request, errorCode) => ({
    throttleTimeMs: 0,
    errorCode,
    assignment: Buffer.alloc(0),
  }),
};
