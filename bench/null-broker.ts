/**
 * The "null broker" of `npm run bench:wire`: our KafkaServer with stub handlers that do no
 * storage work at all, so a benchmark against it measures the client, the wire codec and the
 * server framework — everything except the engine. Produce is acknowledged without storing;
 * Fetch fills `partition_max_bytes` of every requested partition with copies of one
 * pre-built batch of `recordsPerBatch` records (the shape the broker would serve for data
 * produced in such batches), re-based to consecutive offsets from the fetch offset so
 * clients accept them. Groups are the minimum a single kafkajs consumer needs: it
 * is always the leader of generation 1 and gets back the assignment it sends.
 */
import { encodeRecordBatch } from '@shopstream/sps-core';
import { ApiKey, type HandlerMap, KafkaServer, silentLogger } from '@shopstream/sps-kafka-wire';

export interface NullBroker {
  port: number;
  close(): Promise<void>;
}

/**
 * As many copies of `batch` as fit in `maxBytes` (at least one, like KIP-74), each re-based:
 * a batch's base offset is its first 8 bytes and is not covered by the CRC.
 */
function fetchChunk(batch: Buffer, records: number, fetchOffset: number, maxBytes: number): Buffer {
  const count = Math.max(1, Math.floor(maxBytes / batch.length));
  const chunk = Buffer.allocUnsafe(count * batch.length);
  for (let i = 0; i < count; i++) {
    batch.copy(chunk, i * batch.length);
    chunk.writeBigInt64BE(BigInt(fetchOffset + i * records), i * batch.length);
  }
  return chunk;
}

export async function startNullBroker(options: {
  partitions: number;
  recordBytes: number;
  recordsPerBatch: number;
}): Promise<NullBroker> {
  let port = 0;
  const batch = encodeRecordBatch(
    Array.from({ length: options.recordsPerBatch }, () => ({
      value: Buffer.alloc(options.recordBytes, 'x'),
    })),
  );
  const nextOffset = new Map<string, number>();
  const ok = { throttleTimeMs: 0, errorCode: 0 };
  const node = () => ({ nodeId: 0, host: '127.0.0.1', port });
  // Every offset query answers 0 (earliest) or "far away" (latest): always more to fetch.
  const END = 2 ** 40;

  const handlers: HandlerMap = {
    [ApiKey.Metadata]: (request) =>
      Promise.resolve({
        throttleTimeMs: 0,
        brokers: [{ ...node(), rack: null }],
        clusterId: 'null-broker',
        controllerId: 0,
        topics: (request.topics ?? []).map(({ name }) => ({
          errorCode: 0,
          name,
          isInternal: false,
          partitions: Array.from({ length: options.partitions }, (_, partitionIndex) => ({
            errorCode: 0,
            partitionIndex,
            leaderId: 0,
            leaderEpoch: 0,
            replicaNodes: [0],
            isrNodes: [0],
            offlineReplicas: [],
          })),
          topicAuthorizedOperations: -2147483648,
        })),
        clusterAuthorizedOperations: -2147483648,
      }),
    [ApiKey.Produce]: (request) =>
      Promise.resolve({
        throttleTimeMs: 0,
        responses: request.topicData.map((t) => ({
          name: t.name,
          partitionResponses: t.partitionData.map((p) => {
            const key = `${t.name}-${p.index}`;
            const baseOffset = nextOffset.get(key) ?? 0;
            // Record count of a v2 batch: int32 at byte 57 (enough for the stub's answer).
            nextOffset.set(key, baseOffset + (p.records?.readInt32BE(57) ?? 0));
            return {
              index: p.index,
              errorCode: 0,
              baseOffset,
              logAppendTimeMs: -1,
              logStartOffset: 0,
              recordErrors: [],
              errorMessage: null,
            };
          }),
        })),
      }),
    [ApiKey.Fetch]: (request) =>
      Promise.resolve({
        throttleTimeMs: 0,
        errorCode: 0,
        sessionId: 0,
        responses: request.topics.map((t) => ({
          topic: t.topic,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p.partition,
            errorCode: 0,
            highWatermark: END,
            lastStableOffset: END,
            logStartOffset: 0,
            abortedTransactions: null,
            preferredReadReplica: -1,
            records: fetchChunk(batch, options.recordsPerBatch, p.fetchOffset, p.partitionMaxBytes),
          })),
        })),
      }),
    [ApiKey.ListOffsets]: (request) =>
      Promise.resolve({
        throttleTimeMs: 0,
        topics: request.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p.partitionIndex,
            errorCode: 0,
            oldStyleOffsets: [],
            timestamp: -1,
            offset: p.timestamp === -2 ? 0 : END,
            leaderEpoch: 0,
          })),
        })),
      }),
    [ApiKey.FindCoordinator]: () => Promise.resolve({ ...ok, errorMessage: null, ...node() }),
    [ApiKey.JoinGroup]: (request) => {
      const memberId = request.memberId || 'null-member';
      const protocol = request.protocols[0]!;
      return Promise.resolve({
        ...ok,
        generationId: 1,
        protocolName: protocol.name,
        leader: memberId,
        memberId,
        members: [{ memberId, groupInstanceId: null, metadata: protocol.metadata }],
      });
    },
    [ApiKey.SyncGroup]: (request) =>
      Promise.resolve({ ...ok, assignment: request.assignments[0]?.assignment ?? Buffer.alloc(0) }),
    [ApiKey.Heartbeat]: () => Promise.resolve(ok),
    [ApiKey.LeaveGroup]: () => Promise.resolve({ ...ok, members: [] }),
    [ApiKey.OffsetFetch]: (request) =>
      Promise.resolve({
        ...ok,
        topics: (request.topics ?? []).map((t) => ({
          name: t.name,
          partitions: t.partitionIndexes.map((partitionIndex) => ({
            partitionIndex,
            committedOffset: -1,
            committedLeaderEpoch: -1,
            metadata: '',
            errorCode: 0,
          })),
        })),
      }),
    [ApiKey.OffsetCommit]: (request) =>
      Promise.resolve({
        throttleTimeMs: 0,
        topics: request.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: 0 })),
        })),
      }),
  };
  const server = new KafkaServer({ port: 0, handlers, logger: silentLogger });
  port = (await server.listen()).port;
  return { port, close: () => server.close() };
}
