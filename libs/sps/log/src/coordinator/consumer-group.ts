/**
 * One consumer group's state. Invariant (STYLE.md rule 7): it changes only inside tasks of its
 * own `queue`, and every task is synchronous except the few that wait for committed indexes
 * to be durable (delete, reset, expiry) — which hold the queue on purpose so nothing joins
 * half-way. Timers never touch state: `schedule` posts the work to the queue. The transitions
 * live in group-rebalance.ts; the request handlers in `*.handler.ts`.
 */
import { decodeAssignment, type GroupState, type SpsError } from '@shopstream/sps-core';
import { type Clock } from '../clock';
import { SerialQueue } from '../serial-queue';
import {
  type GroupDescription,
  type GroupMemberDescription,
  type JoinGroupResult,
} from './coordinator-types';
import { type GroupMember, metadataFor, type PendingMember } from './group-member';

/** What a group needs from its coordinator. */
export interface GroupContext {
  readonly clock: Clock;
  readonly initialRebalanceDelayMs: number;
  /** False once the coordinator is closing: timers then do nothing. */
  isOpen(): boolean;
}

/** The rebalance's timers: join deadline, sync deadline, initial delay. */
type TimerSlot = 'join' | 'sync' | 'delay';

export class ConsumerGroup {
  readonly queue = new SerialQueue();
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  /** In join order: the first is the leader when the old one is gone (as Kafka). */
  readonly members = new Map<string, GroupMember>();
  readonly pending = new Map<string, PendingMember>();
  /** Members answered JoinGroup this generation that have not sent SyncGroup yet. */
  readonly awaitingSync = new Set<string>();
  /** Set while the initial rebalance delay holds the first join of an empty group. */
  joinDelayUntil: number | undefined;
  /** When the group last became Empty: offset retention counts from here. */
  emptySince: number;
  private readonly timers = new Map<TimerSlot, () => void>();

  constructor(
    readonly groupId: string,
    readonly ctx: GroupContext,
  ) {
    this.emptySince = ctx.clock.now();
  }

  /** Runs `task` in this group's queue after `ms`; returns a cancel function. */
  schedule(ms: number, task: () => void): () => void {
    return this.ctx.clock.setTimer(ms, () => {
      if (!this.ctx.isOpen()) return;
      this.queue
        .run(() => {
          if (this.state !== 'Dead') task();
        })
        .catch((error: unknown) => {
          // A timer task failing is a bug; nobody awaits it, so make it visible without
          // taking the engine down.
          process.emitWarning(error instanceof Error ? error : new Error(String(error)), {
            type: 'SpsCoordinatorWarning',
            detail: `group "${this.groupId}" timer task failed`,
          });
        });
    });
  }

  startTimer(slot: TimerSlot, ms: number, task: () => void): void {
    this.stopTimer(slot);
    const cancel = this.schedule(ms, () => {
      if (this.timers.get(slot) !== cancel) return; // superseded while queued
      this.timers.delete(slot);
      task();
    });
    this.timers.set(slot, cancel);
  }

  stopTimer(slot: TimerSlot): void {
    this.timers.get(slot)?.();
    this.timers.delete(slot);
  }

  hasTimer(slot: TimerSlot): boolean {
    return this.timers.has(slot);
  }

  /** The largest rebalance timeout of the members: how long a rebalance phase may take. */
  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  /** The JoinGroup answer for `memberId` in the current generation. */
  joinResult(memberId: string): JoinGroupResult {
    const leaderId = this.leaderId ?? '';
    return {
      generationId: this.generationId,
      protocolType: this.protocolType ?? '',
      protocolName: this.protocolName ?? '',
      leaderId,
      memberId,
      members:
        memberId === leaderId
          ? [...this.members.values()].map((m) => ({
              memberId: m.memberId,
              groupInstanceId: m.groupInstanceId,
              metadata: metadataFor(m, this.protocolName),
            }))
          : [],
    };
  }

  /** Kafka's group summary: protocol, metadata and assignments only once Stable. */
  describe(): GroupDescription {
    const stable = this.state === 'Stable';
    return {
      groupId: this.groupId,
      state: this.state,
      protocolType: this.protocolType ?? '',
      protocol: stable ? (this.protocolName ?? '') : '',
      members: [...this.members.values()].map((m) => {
        const d: GroupMemberDescription = {
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          metadata: stable ? metadataFor(m, this.protocolName) : Buffer.alloc(0),
          assignment: stable ? m.assignment : Buffer.alloc(0),
        };
        if (stable && this.protocolType === 'consumer') {
          const decoded = tryDecodeAssignment(m.assignment);
          if (decoded) d.assignedPartitions = decoded;
        }
        return d;
      }),
    };
  }

  /** Fails every parked request and stops every timer (coordinator closing, group deleted). */
  shutdown(error: SpsError): void {
    for (const m of this.members.values()) {
      m.join?.reject(error);
      m.sync?.reject(error);
      m.join = m.sync = undefined;
      m.cancelSession?.();
    }
    for (const p of this.pending.values()) p.cancelSession();
    for (const slot of [...this.timers.keys()]) this.stopTimer(slot);
    this.state = 'Dead';
  }
}

function tryDecodeAssignment(
  bytes: Buffer,
): { stream: string; partitions: number[] }[] | undefined {
  try {
    return decodeAssignment(bytes).assignment.map((t) => ({
      stream: t.topic,
      partitions: t.partitions,
    }));
  } catch {
    return undefined; // not ConsumerProtocol bytes after all: describe them raw only
  }
}
