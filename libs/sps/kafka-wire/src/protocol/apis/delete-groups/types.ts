/**
 * DeleteGroups (API key 42), versions 0–1 — field names from Kafka's DeleteGroupsRequest.json /
 * DeleteGroupsResponse.json.
 */
export interface DeleteGroupsRequest {
  groupsNames: string[];
}

export interface DeleteGroupsResponse {
  throttleTimeMs: number;
  results: DeletableGroupResult[];
}

export interface DeletableGroupResult {
  groupId: string;
  /** NON_EMPTY_GROUP (68) while members remain, GROUP_ID_NOT_FOUND (69) if unknown. */
  errorCode: number;
}
