/**
 * Every engine-backed handler, keyed by API key: the Kafka API surface of an SPS broker.
 * ApiVersions (and, with users, the SASL APIs) are built into `KafkaServer`; registering
 * these makes it advertise the rest (supported-versions.ts).
 */
import { type Engine } from '@shopstream/sps-log';
import { ApiKey } from '../protocol/api-keys';
import { createProduceHandler } from './00-produce';
import { createFetchHandler } from './01-fetch';
import { createListOffsetsHandler } from './02-list-offsets';
import { createMetadataHandler } from './03-metadata';
import { createOffsetCommitHandler } from './08-offset-commit';
import { createOffsetFetchHandler } from './09-offset-fetch';
import { createFindCoordinatorHandler } from './10-find-coordinator';
import { createJoinGroupHandler } from './11-join-group';
import { createHeartbeatHandler } from './12-heartbeat';
import { createLeaveGroupHandler } from './13-leave-group';
import { createSyncGroupHandler } from './14-sync-group';
import { createDescribeGroupsHandler } from './15-describe-groups';
import { createListGroupsHandler } from './16-list-groups';
import { createCreateTopicsHandler } from './19-create-topics';
import { createDeleteTopicsHandler } from './20-delete-topics';
import { createDeleteRecordsHandler } from './21-delete-records';
import { createInitProducerIdHandler } from './22-init-producer-id';
import { createDescribeConfigsHandler } from './32-describe-configs';
import { createAlterConfigsHandler } from './33-alter-configs';
import { createCreatePartitionsHandler } from './37-create-partitions';
import { createDeleteGroupsHandler } from './42-delete-groups';
import { type EngineHandlerOptions, resolveHandlerOptions } from './engine-handler-options';
import { type HandlerMap } from './handler';

/**
 * The handlers of the 21 engine-backed APIs, ready for `new KafkaServer({ handlers })`.
 *
 * Most callers want {@link startBroker}, which also opens the engine, persists the cluster id
 * and fills in the advertised address.
 *
 * @example
 * const engine = await Engine.open({ dataDir: 'var/broker' });
 * let port = 0; // bound below; `self` is read per request
 * const server = new KafkaServer({
 *   port,
 *   handlers: createEngineHandlers(engine, {
 *     self: () => ({ nodeId: 0, host: '127.0.0.1', port }),
 *     clusterId: 'sps-dev',
 *   }),
 * });
 * port = (await server.listen()).port;
 */
export function createEngineHandlers(engine: Engine, options: EngineHandlerOptions): HandlerMap {
  const o = resolveHandlerOptions(options);
  return {
    [ApiKey.Produce]: createProduceHandler(engine),
    [ApiKey.Fetch]: createFetchHandler(engine),
    [ApiKey.ListOffsets]: createListOffsetsHandler(engine),
    [ApiKey.Metadata]: createMetadataHandler(engine, o),
    [ApiKey.OffsetCommit]: createOffsetCommitHandler(engine),
    [ApiKey.OffsetFetch]: createOffsetFetchHandler(engine),
    [ApiKey.FindCoordinator]: createFindCoordinatorHandler(o.self),
    [ApiKey.JoinGroup]: createJoinGroupHandler(engine),
    [ApiKey.Heartbeat]: createHeartbeatHandler(engine),
    [ApiKey.LeaveGroup]: createLeaveGroupHandler(engine),
    [ApiKey.SyncGroup]: createSyncGroupHandler(engine),
    [ApiKey.DescribeGroups]: createDescribeGroupsHandler(engine),
    [ApiKey.ListGroups]: createListGroupsHandler(engine),
    [ApiKey.CreateTopics]: createCreateTopicsHandler(engine, o.self),
    [ApiKey.DeleteTopics]: createDeleteTopicsHandler(engine),
    [ApiKey.DeleteRecords]: createDeleteRecordsHandler(engine),
    [ApiKey.InitProducerId]: createInitProducerIdHandler(engine),
    [ApiKey.DescribeConfigs]: createDescribeConfigsHandler(engine, o),
    [ApiKey.AlterConfigs]: createAlterConfigsHandler(engine, o),
    [ApiKey.CreatePartitions]: createCreatePartitionsHandler(engine, o.self),
    [ApiKey.DeleteGroups]: createDeleteGroupsHandler(engine),
  };
}
