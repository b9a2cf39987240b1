/**
 * A consumer-group member on Kafka: a kafkajs consumer (`eachBatch`, auto-resolve and
 * auto-commit off, kafkajs' RoundRobinAssigner — the assignor the embedded driver implements
 * too, so both kinds of member can share a group on the SPS broker) run by
 * {@link KafkaConsumerSession}, which explains generations, revocation and resets.
 *
 * - Start position: kafkajs resumes at the committed offset. For partitions without one it
 *   starts at the earliest record (subscribed `fromBeginning`); `latest`, `{ time }` and
 *   `{ indexes }` are sought on each generation for the partitions still uncommitted.
 * - Commit: `commitOffsets([{ topic, partition, offset: index + 1 }])` in kafkajs' current
 *   generation, only for partitions that generation has (see {@link commit}); confirmed by
 *   kafkajs' COMMIT_OFFSETS event, since kafkajs silently skips a commit once its consumer
 *   stopped running.
 * - `stop()`: pause fetching, revoke everything (in-flight records finish, the runtime
 *   commits), then `disconnect()`, which sends LeaveGroup: the partitions move at once.
 */
import {
  type DriverConsumerListener,
  type DriverGroupConsumer,
  type DriverGroupConsumerOptions,
  type DriverRecord,
  type PartitionRef,
  SpsError,
} from '@shopstream/sps-core';
import { type Consumer } from 'kafkajs';
import { type KafkaAdmin } from './kafka-admin';
import { type KafkaClients } from './kafka-clients';
import { KafkaConsumerSession } from './kafka-consumer-session';
import { mapErrors } from './kafka-errors';
import { type ResolvedKafkaOptions } from './kafka-options';
import { keyOf, startOffsets, toOffset } from './kafka-positions';

export class KafkaGroupConsumer implements DriverGroupConsumer {
  private consumer: Consumer | undefined;
  private session: KafkaConsumerSession | undefined;
  private stopped = false;

  constructor(
    private readonly clients: KafkaClients,
    private readonly admin: KafkaAdmin,
    private readonly o: DriverGroupConsumerOptions,
    private readonly settings: ResolvedKafkaOptions,
  ) {}

  async start(listener: DriverConsumerListener): Promise<void> {
    if (this.session) throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'already started');
    const { group, streams, from } = this.o;
    if (this.o.heartbeatIntervalMs >= this.o.sessionTimeoutMs) {
      // kafkajs' own rule (it would throw at construction); Kafka recommends a third.
      throw new SpsError(
        'SPS_ERR_INVALID_ARGUMENT',
        `heartbeatIntervalMs (${this.o.heartbeatIntervalMs}) must be below sessionTimeoutMs (${this.o.sessionTimeoutMs})`,
        { context: { group } },
      );
    }
    const consumer = this.clients.get(this.o.clientId).consumer({
      groupId: group,
      sessionTimeout: this.o.sessionTimeoutMs,
      heartbeatInterval: this.o.heartbeatIntervalMs,
      rebalanceTimeout: this.o.rebalanceTimeoutMs,
      maxWaitTimeInMs: this.o.maxWaitMs,
      metadataMaxAge: this.settings.metadataMaxAgeMs,
      retry: {
        ...this.settings.retry,
        restartOnFailure: () => Promise.resolve(this.session?.shouldRestart() ?? false),
      },
    });
    this.consumer = consumer;
    this.session = new KafkaConsumerSession({
      consumer,
      clients: this.clients,
      groupId: group,
      streams,
      heartbeatIntervalMs: this.o.heartbeatIntervalMs,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
      listener,
      hooks: {
        position: async (partitions) => {
          const committed = await this.admin.committedOffsets(group, streams);
          const expected = new Map<string, number | undefined>();
          const uncommitted: PartitionRef[] = [];
          for (const ref of partitions) {
            const offset = committed.get(keyOf(ref));
            if (offset === undefined) uncommitted.push(ref);
            else expected.set(keyOf(ref), offset);
          }
          const seeks = new Map<string, number>();
          for (const [key, offset] of await startOffsets(this.admin, uncommitted, from)) {
            expected.set(key, offset);
            if (offset !== undefined) seeks.set(key, offset);
          }
          return { seeks, expected };
        },
        assigned: (partitions) => listener.onAssigned?.(partitions),
        revoked: (partitions) => listener.onRevoked?.(partitions),
      },
    });
    await this.session.start();
  }

  /**
   * Commits after each record, in kafkajs' current generation. A partition that generation
   * no longer has (kafkajs rejoined before the revoke could commit, see the session) is not
   * committed: its next owner reads it again from the last commit. Throws when anything was
   * left uncommitted, so the runtime reports it.
   */
  async commit(done: DriverRecord[]): Promise<void> {
    const { session, consumer } = this;
    if (!session || !consumer || this.stopped) {
      throw new SpsError('SPS_ERR_ENGINE_CLOSED', 'the consumer is not running: nothing committed');
    }
    const owned = done.filter((r) => session.ownsNow(r));
    const moved = done.filter((r) => !session.ownsNow(r));
    if (owned.length > 0) {
      const offsets = owned.map((r) => ({
        topic: r.stream,
        partition: r.partition,
        offset: String(toOffset(r.index) + 1), // Kafka's committed offset: the next to read
      }));
      let confirmed = false;
      const off = consumer.on(consumer.events.COMMIT_OFFSETS, (e) => {
        const committed = e.payload.topics.flatMap((t) =>
          t.partitions.map((p) => `${p.partition}:${t.topic}:${String(p.offset)}`),
        );
        confirmed ||= offsets.every((o) =>
          committed.includes(`${o.partition}:${o.topic}:${o.offset}`),
        );
      });
      try {
        await mapErrors(() => consumer.commitOffsets(offsets), { group: this.o.group });
      } finally {
        off();
      }
      if (!confirmed) {
        throw new SpsError(
          'SPS_ERR_ENGINE_CLOSED',
          `group "${this.o.group}": the consumer stopped running, nothing was committed`,
          { context: { group: this.o.group } },
        );
      }
    }
    if (moved.length > 0) {
      throw new SpsError(
        'SPS_ERR_ILLEGAL_GENERATION',
        `group "${this.o.group}": partitions moved to another member before their commit; the new owner reads them again`,
        { context: { group: this.o.group, partitions: moved.map(keyOf) } },
      );
    }
  }

  assignment(): PartitionRef[] {
    return this.session?.assignment() ?? [];
  }

  async stop(): Promise<void> {
    // The session's stop revokes first, and the runtime commits there: `stopped` only after.
    await this.session?.stop();
    this.stopped = true;
  }
}
