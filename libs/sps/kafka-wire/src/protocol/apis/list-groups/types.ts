/**
 * ListGroups (API key 16), versions 0–2 — field names from Kafka's ListGroupsRequest.json /
 * ListGroupsResponse.json. The request has no fields before v4 (states filter).
 */
export type ListGroupsRequest = Record<string, never>;

export interface ListGroupsResponse {
  /** v1+. @default 0 */
  throttleTimeMs: number;
  errorCode: number;
  groups: ListedGroup[];
}

export interface ListedGroup {
  groupId: string;
  protocolType: string;
}
