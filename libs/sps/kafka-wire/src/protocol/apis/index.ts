/**
 * Every API this layer can decode, keyed by API key, with the request/response types of each.
 * One folder per API, one file per version (see fields.ts for how versions build on each other).
 */
import { type ApiCodec } from '../api-codec';
import { ApiKey } from '../api-keys';
import {
  type AlterConfigsRequest,
  type AlterConfigsResponse,
  alterConfigsApi,
} from './alter-configs';
import { type ApiVersionsRequest, type ApiVersionsResponse, apiVersionsApi } from './api-versions';
import {
  type CreatePartitionsRequest,
  type CreatePartitionsResponse,
  createPartitionsApi,
} from './create-partitions';
import {
  type CreateTopicsRequest,
  type CreateTopicsResponse,
  createTopicsApi,
} from './create-topics';
import {
  type DeleteGroupsRequest,
  type DeleteGroupsResponse,
  deleteGroupsApi,
} from './delete-groups';
import {
  type DeleteRecordsRequest,
  type DeleteRecordsResponse,
  deleteRecordsApi,
} from './delete-records';
import {
  type DeleteTopicsRequest,
  type DeleteTopicsResponse,
  deleteTopicsApi,
} from './delete-topics';
import {
  type DescribeConfigsRequest,
  type DescribeConfigsResponse,
  describeConfigsApi,
} from './describe-configs';
import {
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
  describeGroupsApi,
} from './describe-groups';
import { type FetchRequest, type FetchResponse, fetchApi } from './fetch';
import {
  type FindCoordinatorRequest,
  type FindCoordinatorResponse,
  findCoordinatorApi,
} from './find-coordinator';
import { type HeartbeatRequest, type HeartbeatResponse, heartbeatApi } from './heartbeat';
import {
  type InitProducerIdRequest,
  type InitProducerIdResponse,
  initProducerIdApi,
} from './init-producer-id';
import { type JoinGroupRequest, type JoinGroupResponse, joinGroupApi } from './join-group';
import { type LeaveGroupRequest, type LeaveGroupResponse, leaveGroupApi } from './leave-group';
import { type ListGroupsRequest, type ListGroupsResponse, listGroupsApi } from './list-groups';
import { type ListOffsetsRequest, type ListOffsetsResponse, listOffsetsApi } from './list-offsets';
import { type MetadataRequest, type MetadataResponse, metadataApi } from './metadata';
import {
  type OffsetCommitRequest,
  type OffsetCommitResponse,
  offsetCommitApi,
} from './offset-commit';
import { type OffsetFetchRequest, type OffsetFetchResponse, offsetFetchApi } from './offset-fetch';
import { type ProduceRequest, type ProduceResponse, produceApi } from './produce';
import {
  type SaslAuthenticateRequest,
  type SaslAuthenticateResponse,
  saslAuthenticateApi,
} from './sasl-authenticate';
import {
  type SaslHandshakeRequest,
  type SaslHandshakeResponse,
  saslHandshakeApi,
} from './sasl-handshake';
import { type SyncGroupRequest, type SyncGroupResponse, syncGroupApi } from './sync-group';

/** The request and response type of every API key. */
export interface ApiMessages {
  [ApiKey.Produce]: { request: ProduceRequest; response: ProduceResponse };
  [ApiKey.Fetch]: { request: FetchRequest; response: FetchResponse };
  [ApiKey.ListOffsets]: { request: ListOffsetsRequest; response: ListOffsetsResponse };
  [ApiKey.Metadata]: { request: MetadataRequest; response: MetadataResponse };
  [ApiKey.OffsetCommit]: { request: OffsetCommitRequest; response: OffsetCommitResponse };
  [ApiKey.OffsetFetch]: { request: OffsetFetchRequest; response: OffsetFetchResponse };
  [ApiKey.FindCoordinator]: { request: FindCoordinatorRequest; response: FindCoordinatorResponse };
  [ApiKey.JoinGroup]: { request: JoinGroupRequest; response: JoinGroupResponse };
  [ApiKey.Heartbeat]: { request: HeartbeatRequest; response: HeartbeatResponse };
  [ApiKey.LeaveGroup]: { request: LeaveGroupRequest; response: LeaveGroupResponse };
  [ApiKey.SyncGroup]: { request: SyncGroupRequest; response: SyncGroupResponse };
  [ApiKey.DescribeGroups]: { request: DescribeGroupsRequest; response: DescribeGroupsResponse };
  [ApiKey.ListGroups]: { request: ListGroupsRequest; response: ListGroupsResponse };
  [ApiKey.SaslHandshake]: { request: SaslHandshakeRequest; response: SaslHandshakeResponse };
  [ApiKey.ApiVersions]: { request: ApiVersionsRequest; response: ApiVersionsResponse };
  [ApiKey.CreateTopics]: { request: CreateTopicsRequest; response: CreateTopicsResponse };
  [ApiKey.DeleteTopics]: { request: DeleteTopicsRequest; response: DeleteTopicsResponse };
  [ApiKey.DeleteRecords]: { request: DeleteRecordsRequest; response: DeleteRecordsResponse };
  [ApiKey.InitProducerId]: { request: InitProducerIdRequest; response: InitProducerIdResponse };
  [ApiKey.DescribeConfigs]: { request: DescribeConfigsRequest; response: DescribeConfigsResponse };
  [ApiKey.AlterConfigs]: { request: AlterConfigsRequest; response: AlterConfigsResponse };
  [ApiKey.SaslAuthenticate]: {
    request: SaslAuthenticateRequest;
    response: SaslAuthenticateResponse;
  };
  [ApiKey.CreatePartitions]: {
    request: CreatePartitionsRequest;
    response: CreatePartitionsResponse;
  };
  [ApiKey.DeleteGroups]: { request: DeleteGroupsRequest; response: DeleteGroupsResponse };
}

/** The decoded request type of API key `K`. */
export type RequestOf<K extends ApiKey> = ApiMessages[K]['request'];
/** The response type of API key `K`. */
export type ResponseOf<K extends ApiKey> = ApiMessages[K]['response'];

/** The codec of every API key. */
export const API_CODECS: { readonly [K in ApiKey]: ApiCodec<RequestOf<K>, ResponseOf<K>> } = {
  [ApiKey.Produce]: produceApi,
  [ApiKey.Fetch]: fetchApi,
  [ApiKey.ListOffsets]: listOffsetsApi,
  [ApiKey.Metadata]: metadataApi,
  [ApiKey.OffsetCommit]: offsetCommitApi,
  [ApiKey.OffsetFetch]: offsetFetchApi,
  [ApiKey.FindCoordinator]: findCoordinatorApi,
  [ApiKey.JoinGroup]: joinGroupApi,
  [ApiKey.Heartbeat]: heartbeatApi,
  [ApiKey.LeaveGroup]: leaveGroupApi,
  [ApiKey.SyncGroup]: syncGroupApi,
  [ApiKey.DescribeGroups]: describeGroupsApi,
  [ApiKey.ListGroups]: listGroupsApi,
  [ApiKey.SaslHandshake]: saslHandshakeApi,
  [ApiKey.ApiVersions]: apiVersionsApi,
  [ApiKey.CreateTopics]: createTopicsApi,
  [ApiKey.DeleteTopics]: deleteTopicsApi,
  [ApiKey.DeleteRecords]: deleteRecordsApi,
  [ApiKey.InitProducerId]: initProducerIdApi,
  [ApiKey.DescribeConfigs]: describeConfigsApi,
  [ApiKey.AlterConfigs]: alterConfigsApi,
  [ApiKey.SaslAuthenticate]: saslAuthenticateApi,
  [ApiKey.CreatePartitions]: createPartitionsApi,
  [ApiKey.DeleteGroups]: deleteGroupsApi,
};

export * from './alter-configs';
export * from './api-versions';
export * from './create-partitions';
export * from './create-topics';
export * from './delete-groups';
export * from './delete-records';
export * from './delete-topics';
export * from './describe-configs';
export * from './describe-groups';
export * from './fetch';
export * from './find-coordinator';
export * from './heartbeat';
export * from './init-producer-id';
export * from './join-group';
export * from './leave-group';
export * from './list-groups';
export * from './list-offsets';
export * from './metadata';
export * from './offset-commit';
export * from './offset-fetch';
export * from './produce';
export * from './sasl-authenticate';
export * from './sasl-handshake';
export * from './sync-group';
