/**
 * A reader on Kafka: explicit partitions, no commits, the application keeps its indexes.
 *
 * kafkajs 2.2.4 has no manual partition assignment: every kafkajs consumer is a group member.
 * So a reader is a kafkajs consumer in a group of its own, `sps-reader-<uuid>`, that:
 *
 * - assigns itself exactly the partitions asked for, with an assignor of its own
 *   ({@link pinnedAssigner}: the only member gets them all) — nothing to pause, no other
 *   partition is ever fetched;
 * - seeks each partition to the reader's start on every generation (the start index on the
 *   first, where it had got to on a later one — a later one only happens when the coordinator
 *   forgot the member, e.g. after a broker restart);
 * - never commits (kafkajs' OFFSET_OUT_OF_RANGE recovery alone commits the earliest offset to
 *   that group, which is nobody's);
 * - deletes its group after `stop()` (best effort; an unreachable cluster leaves an Empty group
 *   behind, which Kafka expires with its committed offsets).
 *
 * What differs from the embedded reader: the group costs a JoinGroup/SyncGroup round at start
 * (tens of ms), heartbeats while it runs, and shows up in `listGroups()` meanwhile; a stream's
 * partition list is read once at start (partitions added later are not read).
 */
import { randomUUID } from 'node:crypto';
import {
  type DriverConsumerListener,
  type DriverPartitionReader,
  type DriverReaderOptions,
  type PartitionId,
  type PartitionRef,
  SpsError,
  type StreamName,
} from '@shopstream/sps-core';
import { AssignerProtocol, type Consumer, type PartitionAssigner } from 'kafkajs';
import { type KafkaAdmin } from './kafka-admin';
import { type KafkaClients } from './kafka-clients';
import { KafkaConsumerSession } from './kafka-consumer-session';
import { type ResolvedKafkaOptions } from './kafka-options';
import { keyOf, startOffsets } from './kafka-positions';

export const READER_GROUP_PREFIX = 'sps-reader-';
const PINNED_ASSIGNER = 'SpsPinnedAssigner';
/** Readers heartbeat rarely: their session only guards against a dead process. */
const READER_SESSION_TIMEOUT_MS = 30_000;
const READER_HEARTBEAT_INTERVAL_MS = 3_000;

/** An assignor that gives `partitions` of `stream` to the group's only member. */
export function pinnedAssigner(stream: StreamName, partitions: PartitionId[]): PartitionAssigner {
  return () => ({
    name: PINNED_ASSIGNER,
    version: 0,
    protocol: ({ topics }) => ({
      name: PINNED_ASSIGNER,
      metadata: AssignerProtocol.MemberMetadata.encode({
        version: 0,
        topics,
        userData: Buffer.alloc(0),
      }),
    }),
    assign: ({ members }) =>
      Promise.resolve(
        [...members]
          .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
          .map(({ memberId }, i) => ({
            memberId,
            memberAssignment: AssignerProtocol.MemberAssignment.encode({
              version: 0,
              assignment: i === 0 ? { [stream]: partitions } : {},
              userData: Buffer.alloc(0),
            }),
          })),
      ),
  });
}

/** Internal options: admin reads follow the position of each partition. */
export interface KafkaReaderHooks {
  onPosition?: (ref: PartitionRef, next: number) => void;
}

export class KafkaReader implements DriverPartitionReader {
  readonly group = `${READER_GROUP_PREFIX}${randomUUID()}`;
  private consumer: Consumer | undefined;
  private session: KafkaConsumerSession | undefined;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly clients: KafkaClients,
    private readonly admin: KafkaAdmin,
    private readonly o: DriverReaderOptions,
    private readonly settings: ResolvedKafkaOptions,
    private readonly hooks: KafkaReaderHooks = {},
  ) {}

  async start(
    listener: Pick<DriverConsumerListener, 'onBatch' | 'onError' | 'onIndexReset'>,
  ): Promise<void> {
    if (this.session || this.stopping) {
      throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'already started');
    }
    const { stream, from } = this.o;
    // Resolve the partitions before joining: a partition the stream lacks fails `start`.
    const existing = await this.admin.partitionsOf(stream);
    const partitions = this.o.partitions ?? existing;
    for (const p of partitions) {
      if (!existing.includes(p)) {
        throw new SpsError(
          'SPS_ERR_UNKNOWN_PARTITION',
          `stream "${stream}" has no partition ${p}`,
          {
            context: { stream, partition: p, partitions: existing.length },
          },
        );
      }
    }
    const consumer = this.clients.get(this.o.clientId).consumer({
      groupId: this.group,
      partitionAssigners: [pinnedAssigner(stream, [...new Set(partitions)])],
      sessionTimeout: READER_SESSION_TIMEOUT_MS,
      heartbeatInterval: READER_HEARTBEAT_INTERVAL_MS,
      maxWaitTimeInMs: this.o.maxWaitMs,
      metadataMaxAge: this.settings.metadataMaxAgeMs,
      retry: {
        ...this.settings.retry,
        restartOnFailure: () => Promise.resolve(this.session?.shouldRestart() ?? false),
      },
    });
    this.consumer = consumer;
    let first = true;
    this.session = new KafkaConsumerSession({
      consumer,
      clients: this.clients,
      groupId: this.group,
      streams: [stream],
      heartbeatIntervalMs: READER_HEARTBEAT_INTERVAL_MS,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
      listener,
      ...(this.hooks.onPosition ? { onPosition: this.hooks.onPosition } : {}),
      hooks: {
        position: async (assigned, previous) => {
          const starts = first
            ? await startOffsets(this.admin, assigned, from)
            : new Map(assigned.map((ref) => [keyOf(ref), previous.get(keyOf(ref))]));
          first = false;
          const seeks = new Map<string, number>();
          for (const [key, offset] of starts) if (offset !== undefined) seeks.set(key, offset);
          return { seeks, expected: starts };
        },
      },
    });
    await this.session.start();
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.session?.stop();
      if (this.consumer) await this.admin.deleteGroupQuietly(this.group);
    })();
    return this.stopping;
  }
}
