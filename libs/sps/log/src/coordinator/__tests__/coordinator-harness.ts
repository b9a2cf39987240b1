/**
 * Test harness for the coordinator suites: a coordinator on MemoryStorage and a ManualClock,
 * a fake log view, and `TestConsumer`, which drives the group protocol the way kafkajs does
 * (JoinGroup v5 with MEMBER_ID_REQUIRED, a round-robin leader, SyncGroup, Heartbeat).
 */
import {
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
  type SpsErrorCode,
  type TopicPartitions,
} from '@shopstream/sps-core';
import { expect } from 'vitest';
import { ManualClock } from '../../clock';
import { MemoryStorage } from '../../storage/memory-storage';
import { GroupCoordinator } from '../group-coordinator';
import {
  type CoordinatorLogView,
  type GroupCoordinatorOptions,
  type JoinGroupRequest,
  type JoinGroupResult,
  type SyncGroupResult,
} from '../coordinator-types';

export const DIR = '/data/coordinator';
export const SESSION_MS = 10_000;
export const REBALANCE_MS = 20_000;

interface FakePartition {
  logStartIndex: number;
  highWatermark: number;
  /** Timestamp of each index from `timestampBase` on. */
  timestamps: number[];
}

/** The engine's side of the coordinator, in memory. */
export class FakeLogView implements CoordinatorLogView {
  private readonly streams = new Map<string, FakePartition[]>();

  addStream(name: string, partitions: number, highWatermark = 0): this {
    this.streams.set(
      name,
      Array.from({ length: partitions }, () => ({
        logStartIndex: 0,
        highWatermark,
        timestamps: [],
      })),
    );
    return this;
  }

  deleteStream(name: string): void {
    this.streams.delete(name);
  }

  /** Records `count` records with timestamps `firstTs`, `firstTs + step`, … starting at the log start. */
  setRecords(stream: string, partition: number, logStartIndex: number, timestamps: number[]): void {
    const p = this.partition(stream, partition);
    p.logStartIndex = logStartIndex;
    p.timestamps = timestamps;
    p.highWatermark = logStartIndex + timestamps.length;
  }

  setHighWatermark(stream: string, partition: number, highWatermark: number): void {
    this.partition(stream, partition).highWatermark = highWatermark;
  }

  partitionCount(stream: string): number | undefined {
    return this.streams.get(stream)?.length;
  }

  watermarks(
    stream: string,
    partition: number,
  ): { logStartIndex: number; highWatermark: number } | undefined {
    const p = this.streams.get(stream)?.[partition];
    return p && { logStartIndex: p.logStartIndex, highWatermark: p.highWatermark };
  }

  indexForTimestamp(
    stream: string,
    partition: number,
    timestamp: number,
  ): Promise<number | undefined> {
    const p = this.partition(stream, partition);
    const i = p.timestamps.findIndex((ts) => ts >= timestamp);
    return Promise.resolve(i === -1 ? undefined : p.logStartIndex + i);
  }

  private partition(stream: string, partition: number): FakePartition {
    const p = this.streams.get(stream)?.[partition];
    if (!p) throw new Error(`no ${stream}/${partition}`);
    return p;
  }
}

export interface Harness {
  coordinator: GroupCoordinator;
  storage: MemoryStorage;
  clock: ManualClock;
  logView: FakeLogView;
  /** Opens a new coordinator on the same storage (after `close()` or `storage.crash()`). */
  reopen(): Promise<GroupCoordinator>;
}

export async function openHarness(
  options: Partial<Omit<GroupCoordinatorOptions, 'storage' | 'clock' | 'logView'>> = {},
): Promise<Harness> {
  const storage = new MemoryStorage();
  const clock = new ManualClock(1_700_000_000_000);
  const logView = new FakeLogView().addStream('orders', 5, 100).addStream('payments', 2, 10);
  const open = (): Promise<GroupCoordinator> =>
    GroupCoordinator.open({ dir: DIR, storage, clock, logView, ...options });
  const harness: Harness = { coordinator: await open(), storage, clock, logView, reopen: open };
  return harness;
}

/** Lets parked promises and queued tasks settle (no timers involved). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Asserts `promise` rejects with an SpsError of `code`, and returns the error. */
export async function rejectsWith(
  promise: Promise<unknown>,
  code: SpsErrorCode,
): Promise<{ code: string; context: Record<string, unknown> }> {
  const error: unknown = await promise.then(
    () => new Error(`expected ${code}, but it resolved`),
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'SpsError', code });
  return error as { code: string; context: Record<string, unknown> };
}

/** Tracks whether a promise has settled, to assert that a request is still parked. */
export function track<T>(promise: Promise<T>): { done: () => boolean; promise: Promise<T> } {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { done: () => done, promise };
}

/** A group member driven like kafkajs drives one. */
export class TestConsumer {
  memberId = '';
  generationId = -1;
  leaderId = '';
  assigned: TopicPartitions[] = [];
  private lastJoin: JoinGroupResult | undefined;

  constructor(
    private readonly h: Harness,
    readonly groupId: string,
    readonly clientId: string,
    readonly topics: string[] = ['orders'],
    readonly opts: {
      protocols?: string[];
      sessionTimeoutMs?: number;
      rebalanceTimeoutMs?: number;
    } = {},
  ) {}

  get isLeader(): boolean {
    return this.memberId !== '' && this.memberId === this.leaderId;
  }

  joinRequest(overrides: Partial<JoinGroupRequest> = {}): JoinGroupRequest {
    const metadata = encodeSubscription({ topics: this.topics });
    return {
      groupId: this.groupId,
      memberId: this.memberId,
      groupInstanceId: null,
      clientId: this.clientId,
      clientHost: '/127.0.0.1',
      sessionTimeoutMs: this.opts.sessionTimeoutMs ?? SESSION_MS,
      rebalanceTimeoutMs: this.opts.rebalanceTimeoutMs ?? REBALANCE_MS,
      protocolType: 'consumer',
      protocols: (this.opts.protocols ?? ['RoundRobinAssigner']).map((name) => ({
        name,
        metadata,
      })),
      requireKnownMemberId: true,
      ...overrides,
    };
  }

  /** JoinGroup, answering MEMBER_ID_REQUIRED by joining again with the given id (as kafkajs). */
  async join(overrides: Partial<JoinGroupRequest> = {}): Promise<JoinGroupResult> {
    if (this.memberId === '') {
      const e = await rejectsWith(
        this.h.coordinator.joinGroup(this.joinRequest(overrides)),
        'SPS_ERR_MEMBER_ID_REQUIRED',
      );
      this.memberId = String(e.context.memberId);
    }
    const joined = await this.h.coordinator.joinGroup(this.joinRequest(overrides));
    this.lastJoin = joined;
    this.generationId = joined.generationId;
    this.leaderId = joined.leaderId;
    return joined;
  }

  /** SyncGroup; the leader assigns every partition round-robin over the sorted member ids. */
  async sync(): Promise<SyncGroupResult> {
    const joined = this.lastJoin;
    if (!joined) throw new Error('join first');
    const assignments = this.isLeader ? this.roundRobin(joined) : [];
    const synced = await this.h.coordinator.syncGroup({
      groupId: this.groupId,
      generationId: this.generationId,
      memberId: this.memberId,
      assignments,
    });
    this.assigned = decodeAssignment(synced.assignment).assignment;
    return synced;
  }

  heartbeat(): Promise<void> {
    return this.h.coordinator.heartbeat({
      groupId: this.groupId,
      generationId: this.generationId,
      memberId: this.memberId,
    });
  }

  leave(): Promise<unknown> {
    return this.h.coordinator.leaveGroup({
      groupId: this.groupId,
      members: [{ memberId: this.memberId }],
    });
  }

  commit(
    offsets: { stream?: string; partition: number; index: number; metadata?: string | null }[],
  ) {
    return this.h.coordinator.commitOffsets({
      groupId: this.groupId,
      generationId: this.generationId,
      memberId: this.memberId,
      offsets: offsets.map((o) => ({
        stream: o.stream ?? 'orders',
        partition: o.partition,
        index: o.index,
        metadata: o.metadata ?? null,
      })),
    });
  }

  private roundRobin(joined: JoinGroupResult): { memberId: string; assignment: Buffer }[] {
    const members = joined.members.map((m) => m.memberId).sort();
    const topics = [
      ...new Set(joined.members.flatMap((m) => decodeSubscription(m.metadata).topics)),
    ].sort();
    const owned = new Map<string, Map<string, number[]>>(members.map((id) => [id, new Map()]));
    let i = 0;
    for (const topic of topics) {
      for (let p = 0; p < (this.h.logView.partitionCount(topic) ?? 0); p++) {
        const byTopic = owned.get(members[i++ % members.length]!)!;
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), p]);
      }
    }
    // As kafkajs: members that got nothing are left out; the coordinator fills them in.
    return [...owned]
      .filter(([, byTopic]) => byTopic.size > 0)
      .map(([memberId, byTopic]) => ({
        memberId,
        assignment: encodeAssignment({
          assignment: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
        }),
      }));
  }
}

/** Joins every consumer concurrently, then syncs them (leader last, so followers park). */
export async function joinAndSync(consumers: TestConsumer[]): Promise<void> {
  await Promise.all(consumers.map((c) => c.join()));
  const followers = consumers.filter((c) => !c.isLeader);
  const leader = consumers.filter((c) => c.isLeader);
  const parked = followers.map((c) => c.sync());
  await settle();
  await Promise.all([...parked, ...leader.map((c) => c.sync())]);
}
