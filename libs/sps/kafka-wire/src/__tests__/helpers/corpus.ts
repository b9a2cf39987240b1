// Valid request frames built by kafkajs 2.2.4's own encoders: the seeds the fuzz suite mutates.
import { requestFrame } from '../../protocol/header';
import { type KafkajsApi, kafkajsRequestBody, Long } from './kafkajs-protocol';

interface Seed {
  api: KafkajsApi;
  apiKey: number;
  version: number;
  args: object;
}

const messages = [{ key: 'k', value: 'v'.repeat(50), timestamp: 1_700_000_000_000 }];
const topics = [
  {
    topic: 'orders',
    partitions: [
      {
        partition: 0,
        fetchOffset: '5',
        maxBytes: 1024,
        timestamp: -1,
        offset: '3',
        firstSequence: 0,
        messages,
      },
    ],
  },
];

const SEEDS: Seed[] = [
  { api: 'apiVersions', apiKey: 18, version: 2, args: {} },
  { api: 'metadata', apiKey: 3, version: 6, args: { topics: ['orders', 'audit'] } },
  {
    api: 'produce',
    apiKey: 0,
    version: 7,
    args: { acks: -1, timeout: 1000, producerId: Long.fromNumber(7), topicData: topics },
  },
  { api: 'produce', apiKey: 0, version: 3, args: { acks: 0, timeout: 1000, topicData: topics } },
  {
    api: 'fetch',
    apiKey: 1,
    version: 11,
    args: { replicaId: -1, maxWaitTime: 10, minBytes: 1, maxBytes: 1000, topics },
  },
  {
    api: 'fetch',
    apiKey: 1,
    version: 4,
    args: { replicaId: -1, maxWaitTime: 10, minBytes: 1, maxBytes: 1000, topics },
  },
  { api: 'listOffsets', apiKey: 2, version: 3, args: { replicaId: -1, isolationLevel: 1, topics } },
  { api: 'listOffsets', apiKey: 2, version: 0, args: { replicaId: -1, topics } },
  {
    api: 'offsetCommit',
    apiKey: 8,
    version: 5,
    args: { groupId: 'g', groupGenerationId: 1, memberId: 'm', topics },
  },
  { api: 'offsetFetch', apiKey: 9, version: 4, args: { groupId: 'g', topics } },
  {
    api: 'findCoordinator',
    apiKey: 10,
    version: 2,
    args: { coordinatorKey: 'g', coordinatorType: 0 },
  },
  {
    api: 'joinGroup',
    apiKey: 11,
    version: 5,
    args: {
      groupId: 'g',
      sessionTimeout: 30000,
      rebalanceTimeout: 60000,
      memberId: '',
      protocolType: 'consumer',
      groupProtocols: [{ name: 'RoundRobinAssigner', metadata: Buffer.alloc(20, 1) }],
    },
  },
  {
    api: 'heartbeat',
    apiKey: 12,
    version: 3,
    args: { groupId: 'g', groupGenerationId: 1, memberId: 'm' },
  },
  {
    api: 'leaveGroup',
    apiKey: 13,
    version: 3,
    args: { groupId: 'g', members: [{ memberId: 'm' }] },
  },
  {
    api: 'syncGroup',
    apiKey: 14,
    version: 3,
    args: {
      groupId: 'g',
      generationId: 1,
      memberId: 'm',
      groupAssignment: [{ memberId: 'm', memberAssignment: Buffer.alloc(30, 2) }],
    },
  },
  { api: 'describeGroups', apiKey: 15, version: 2, args: { groupIds: ['g', 'h'] } },
  { api: 'listGroups', apiKey: 16, version: 2, args: {} },
  {
    api: 'createTopics',
    apiKey: 19,
    version: 3,
    args: {
      topics: [
        {
          topic: 't',
          numPartitions: 3,
          replicationFactor: 1,
          configEntries: [{ name: 'a', value: 'b' }],
        },
      ],
    },
  },
  { api: 'deleteTopics', apiKey: 20, version: 1, args: { topics: ['t'] } },
  {
    api: 'deleteRecords',
    apiKey: 21,
    version: 1,
    args: { topics: [{ topic: 't', partitions: [{ partition: 0, offset: '1' }] }] },
  },
  {
    api: 'initProducerId',
    apiKey: 22,
    version: 1,
    args: { transactionalId: null, transactionTimeout: 1000 },
  },
  {
    api: 'describeConfigs',
    apiKey: 32,
    version: 2,
    args: { resources: [{ type: 2, name: 't', configNames: ['x'] }] },
  },
  {
    api: 'alterConfigs',
    apiKey: 33,
    version: 1,
    args: { resources: [{ type: 2, name: 't', configEntries: [{ name: 'x', value: 'y' }] }] },
  },
  {
    api: 'createPartitions',
    apiKey: 37,
    version: 1,
    args: { topicPartitions: [{ topic: 't', count: 4, assignments: [[0]] }] },
  },
];

/** Every seed as a complete frame (size, header v1, kafkajs body). */
export async function kafkajsCorpus(): Promise<Buffer[]> {
  const frames: Buffer[] = [];
  for (const [i, seed] of SEEDS.entries()) {
    const body = await kafkajsRequestBody(seed.api, seed.version, seed.args);
    frames.push(
      requestFrame(
        { apiKey: seed.apiKey, apiVersion: seed.version, correlationId: i, clientId: 'fuzz' },
        body,
      ),
    );
  }
  return frames;
}
