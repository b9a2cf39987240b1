/**
 * The classic-protocol state machine (KAFKA-WIRE.md §4.6; Kafka `GroupCoordinator`, franz-go
 * kfake `groups.go`). Every function runs inside the group's queue.
 *
 *   Empty ──join──▶ PreparingRebalance ──all rejoined / join deadline──▶ CompletingRebalance
 *     ▲                 ▲        │ (no members left: generation++, Empty)       │ leader's SyncGroup
 *     │                 └────────┴──── member joins/leaves/expires, ◀──── Stable ◀┘
 *     └───────────── last member gone ─────────── metadata changes, leader rejoins
 *
 * Deadlines: a rebalance waits at most the members' largest rebalance timeout for rejoins
 * (then drops whoever did not), and as long again for SyncGroups (then drops whoever did not
 * sync and rebalances). A member's session timer runs except while a request of it is parked.
 */
import { encodeAssignment } from '@shopstream/sps-core';
import { type ConsumerGroup } from './consumer-group';
import { Deferred } from './deferred';
import { type GroupMember } from './group-member';
import { rebalanceInProgress, unknownMember } from './group-errors';
import { chooseProtocol } from './protocol-vote';
import { type JoinGroupResult } from './coordinator-types';

/**
 * What a follower with nothing assigned receives in a "consumer" group, instead of zero
 * bytes: some clients fail to decode an empty assignment (kfake does the same).
 */
const EMPTY_CONSUMER_ASSIGNMENT = encodeAssignment({ assignment: [] });

/** (Re)starts a member's session timer: on expiry it leaves the group. */
export function touchSession(g: ConsumerGroup, m: GroupMember): void {
  m.cancelSession?.();
  m.cancelSession = g.schedule(m.sessionTimeoutMs, () => {
    if (g.members.get(m.memberId) !== m) return;
    // Parked requests keep a member alive (as Kafka): the rebalance deadlines govern them.
    if (m.join || m.sync) touchSession(g, m);
    else removeMember(g, m);
  });
}

/** Registers a KIP-394 pending member; it is forgotten if it does not join within its session timeout. */
export function addPending(g: ConsumerGroup, memberId: string, sessionTimeoutMs: number): void {
  const cancelSession = g.schedule(sessionTimeoutMs, () => {
    if (g.pending.delete(memberId)) tryCompleteJoin(g);
  });
  g.pending.set(memberId, { memberId, cancelSession });
}

export function dropPending(g: ConsumerGroup, memberId: string): void {
  g.pending.get(memberId)?.cancelSession();
  g.pending.delete(memberId);
}

/** Parks the member's JoinGroup (a superseded one is told to retry) and returns the answer to come. */
export function parkJoin(g: ConsumerGroup, m: GroupMember): Promise<JoinGroupResult> {
  m.join?.reject(rebalanceInProgress(g.groupId, m.memberId));
  m.join = new Deferred<JoinGroupResult>();
  touchSession(g, m);
  return m.join.promise;
}

/** Adds a member that joined and starts (or advances) a rebalance. */
export function addMember(g: ConsumerGroup, m: GroupMember): Promise<JoinGroupResult> {
  if (g.members.size === 0) g.protocolType = m.protocolType;
  g.members.set(m.memberId, m);
  const answer = parkJoin(g, m);
  if (g.joinDelayUntil !== undefined) {
    // Kafka's InitialDelayedJoin: each newcomer buys the others one more delay, within the rebalance timeout.
    g.joinDelayUntil = Math.max(
      g.joinDelayUntil,
      g.ctx.clock.now() + g.ctx.initialRebalanceDelayMs,
    );
  }
  rebalance(g);
  return answer;
}

/** Membership changed: start a rebalance, or see whether the current one can complete. */
export function rebalance(g: ConsumerGroup): void {
  if (g.state === 'PreparingRebalance') tryCompleteJoin(g);
  else prepareRebalance(g);
}

function prepareRebalance(g: ConsumerGroup): void {
  if (g.state === 'CompletingRebalance') {
    // The generation being synced is void: followers waiting for the leader must rejoin.
    for (const m of g.members.values()) {
      m.sync?.reject(rebalanceInProgress(g.groupId, m.memberId));
      m.sync = undefined;
      m.assignment = Buffer.alloc(0);
    }
  }
  g.awaitingSync.clear();
  g.stopTimer('sync');
  const fromEmpty = g.state === 'Empty';
  g.state = 'PreparingRebalance';
  const deadline = g.rebalanceTimeoutMs();
  g.startTimer('join', deadline, () => completeJoin(g));
  if (fromEmpty && g.ctx.initialRebalanceDelayMs > 0) {
    const start = g.ctx.clock.now();
    g.joinDelayUntil = start + g.ctx.initialRebalanceDelayMs;
    const waitDelay = (): void => {
      const until = Math.min(g.joinDelayUntil ?? 0, start + deadline);
      const left = until - g.ctx.clock.now();
      if (left > 0) {
        g.startTimer('delay', left, waitDelay);
      } else {
        g.joinDelayUntil = undefined;
        tryCompleteJoin(g);
      }
    };
    g.startTimer('delay', g.ctx.initialRebalanceDelayMs, waitDelay);
  }
  tryCompleteJoin(g);
}

/** Completes the join phase once every member (and every pending newcomer) has rejoined. */
export function tryCompleteJoin(g: ConsumerGroup): void {
  if (g.state !== 'PreparingRebalance' || g.joinDelayUntil !== undefined) return;
  if (g.pending.size > 0) return;
  for (const m of g.members.values()) if (!m.join) return;
  completeJoin(g);
}

/** Ends the join phase: members that did not rejoin are dropped, the next generation starts. */
export function completeJoin(g: ConsumerGroup): void {
  if (g.state !== 'PreparingRebalance') return;
  g.stopTimer('join');
  g.stopTimer('delay');
  g.joinDelayUntil = undefined;
  for (const m of [...g.members.values()]) if (!m.join) detachMember(g, m);
  g.generationId++;
  const members = [...g.members.values()];
  const first = members[0];
  if (first === undefined) {
    toEmpty(g);
    return;
  }
  g.protocolType = first.protocolType;
  g.protocolName = chooseProtocol(members);
  if (g.leaderId === null || !g.members.has(g.leaderId)) g.leaderId = first.memberId;
  g.state = 'CompletingRebalance';
  for (const m of members) {
    m.assignment = Buffer.alloc(0);
    m.join?.resolve(g.joinResult(m.memberId));
    m.join = undefined;
    g.awaitingSync.add(m.memberId);
    touchSession(g, m);
  }
  g.startTimer('sync', g.rebalanceTimeoutMs(), () => expireUnsynced(g));
}

/** The leader's SyncGroup: store every assignment, answer parked followers, go Stable. */
export function completeLeaderSync(
  g: ConsumerGroup,
  assignments: readonly { memberId: string; assignment: Buffer }[],
): void {
  const given = new Map(assignments.map((a) => [a.memberId, a.assignment]));
  for (const m of g.members.values()) {
    const bytes = given.get(m.memberId) ?? Buffer.alloc(0);
    m.assignment =
      bytes.length === 0 && g.protocolType === 'consumer'
        ? Buffer.from(EMPTY_CONSUMER_ASSIGNMENT)
        : Buffer.from(bytes); // a copy: the wire layer's bytes may view a larger request buffer
  }
  g.state = 'Stable';
  for (const m of g.members.values()) {
    m.sync?.resolve({
      protocolType: g.protocolType ?? '',
      protocolName: g.protocolName ?? '',
      assignment: m.assignment,
    });
    m.sync = undefined;
  }
  if (g.awaitingSync.size === 0) g.stopTimer('sync');
}

/** The sync deadline passed: members that never sent SyncGroup are dropped (Kafka 2.7+). */
function expireUnsynced(g: ConsumerGroup): void {
  const late = [...g.awaitingSync].flatMap((id) => g.members.get(id) ?? []);
  g.awaitingSync.clear();
  for (const m of late) detachMember(g, m);
  if (late.length > 0) rebalance(g);
}

/** A member leaves (LeaveGroup, session expiry): drop it and rebalance the rest. */
export function removeMember(g: ConsumerGroup, m: GroupMember): void {
  detachMember(g, m);
  rebalance(g);
}

/** Drops a member without starting a rebalance; its parked requests are told it is gone. */
function detachMember(g: ConsumerGroup, m: GroupMember): void {
  const gone = unknownMember(g.groupId, m.memberId, 'was removed from the group');
  m.join?.reject(gone);
  m.sync?.reject(gone);
  m.join = m.sync = undefined;
  m.cancelSession?.();
  g.members.delete(m.memberId);
  g.awaitingSync.delete(m.memberId);
  if (g.leaderId === m.memberId) g.leaderId = g.members.keys().next().value ?? null;
}

function toEmpty(g: ConsumerGroup): void {
  g.state = 'Empty';
  g.protocolType = null;
  g.protocolName = null;
  g.leaderId = null;
  g.awaitingSync.clear();
  g.stopTimer('sync');
  g.emptySince = g.ctx.clock.now();
}
