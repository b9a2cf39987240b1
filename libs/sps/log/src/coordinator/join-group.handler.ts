/**
 * JoinGroup (Kafka API key 11; the wire layer serves v0–5). Runs inside the group's queue.
 *
 * - A new member (`memberId ''`) gets the id `${clientId}-${uuid}`. With
 *   `requireKnownMemberId` (v4+, KIP-394) it is only registered as pending and the answer is
 *   `SPS_ERR_MEMBER_ID_REQUIRED` carrying the id in `context.memberId`; the client joins again
 *   with it. Before v4 it joins at once.
 * - A join parks until the rebalance completes (group-rebalance.ts); the answer comes later.
 * - A known member of a Stable or CompletingRebalance group that rejoins with the same
 *   protocols gets the current generation back without a rebalance — unless it is the leader
 *   of a Stable group, which rejoins to force one (e.g. it saw new partitions).
 *
 * Does not: replace static members by `groupInstanceId` (KIP-345) — the id is recorded and
 * reported, the member is treated as dynamic. Session-timeout bounds and a non-empty group id
 * are checked by the coordinator before the group is looked up.
 */
import { type ConsumerGroup } from './consumer-group';
import { type JoinGroupRequest, type JoinGroupResult } from './coordinator-types';
import { inconsistentProtocol, memberIdRequired, unknownMember } from './group-errors';
import { type GroupMember, memberFromJoin, sameProtocols, updateFromJoin } from './group-member';
import {
  addMember,
  addPending,
  dropPending,
  parkJoin,
  rebalance,
  touchSession,
} from './group-rebalance';
import { supportsProtocols } from './protocol-vote';

/** An answer that may come later (parked request). */
export interface Reply<T> {
  reply: Promise<T>;
}

export function handleJoin(
  g: ConsumerGroup,
  r: JoinGroupRequest,
  newMemberId: () => string,
): Reply<JoinGroupResult> {
  if (r.memberId === '' || g.pending.has(r.memberId)) {
    checkProtocols(g, undefined, r);
    if (r.memberId !== '') {
      dropPending(g, r.memberId);
      return { reply: addMember(g, memberFromJoin(r.memberId, r)) };
    }
    const memberId = newMemberId();
    if (!r.requireKnownMemberId) return { reply: addMember(g, memberFromJoin(memberId, r)) };
    addPending(g, memberId, r.sessionTimeoutMs);
    throw memberIdRequired(g.groupId, memberId);
  }
  const m = g.members.get(r.memberId);
  if (!m) throw unknownMember(g.groupId, r.memberId);
  checkProtocols(g, m, r);
  const unchanged = sameProtocols(m, r.protocols);
  if (
    (g.state === 'CompletingRebalance' && unchanged) ||
    (g.state === 'Stable' && unchanged && m.memberId !== g.leaderId)
  ) {
    touchSession(g, m);
    return { reply: Promise.resolve(g.joinResult(m.memberId)) };
  }
  updateFromJoin(m, r);
  const reply = parkJoin(g, m);
  rebalance(g);
  return { reply };
}

function checkProtocols(
  g: ConsumerGroup,
  self: GroupMember | undefined,
  r: JoinGroupRequest,
): void {
  const others = [...g.members.values()].filter((m) => m !== self);
  if (!supportsProtocols(others, r.protocolType, r.protocols)) {
    const names = r.protocols.map((p) => p.name).join(', ');
    throw inconsistentProtocol(
      g.groupId,
      r.memberId,
      `protocol type "${r.protocolType}" with [${names}] shares no assignor with the members`,
    );
  }
}
