import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type HeartbeatRequest, type HeartbeatResponse } from './types';
import { heartbeatV0 } from './v0';
import { heartbeatV1 } from './v1';
import { heartbeatV2 } from './v2';
import { heartbeatV3 } from './v3';

export * from './types';

/** Heartbeat (key 12), versions 0–3. */
export const heartbeatApi: ApiCodec<HeartbeatRequest, HeartbeatResponse> = {
  apiKey: ApiKey.Heartbeat,
  name: 'Heartbeat',
  versions: [heartbeatV0, heartbeatV1, heartbeatV2, heartbeatV3],
  flexibleFrom: 4,
  errorResponse: (_request, errorCode) => ({ throttleTimeMs: 0, errorCode }),
};
