/**
 * SyncGroup (Kafka API key 14; the wire layer serves v0–3, v5 fields accepted). Runs inside
 * the group's queue.
 *
 * - Unknown member → UNKNOWN_MEMBER; other generation → ILLEGAL_GENERATION; protocol type or
 *   name given (v5+) and different → INCONSISTENT_GROUP_PROTOCOL; PreparingRebalance →
 *   REBALANCE_IN_PROGRESS (rejoin).
 * - CompletingRebalance: the request parks until the leader's SyncGroup, which carries every
 *   member's assignment, arrives; then everyone parked is answered and the group is Stable.
 * - Stable: the stored assignment, at once (a follower that syncs after the leader).
 *
 * Does not: check that the leader assigned each partition once — assignments are opaque bytes.
 */
import { type ConsumerGroup } from './consumer-group';
import { type SyncGroupRequest, type SyncGroupResult } from './coordinator-types';
import { Deferred } from './deferred';
import {
  illegalGeneration,
  inconsistentProtocol,
  rebalanceInProgress,
  unknownMember,
} from './group-errors';
import { type GroupMember } from './group-member';
import { completeLeaderSync, touchSession } from './group-rebalance';
import { type Reply } from './join-group.handler';

export function handleSync(g: ConsumerGroup, r: SyncGroupRequest): Reply<SyncGroupResult> {
  const m = g.members.get(r.memberId);
  if (!m) throw unknownMember(g.groupId, r.memberId);
  if (r.generationId !== g.generationId) {
    throw illegalGeneration(g.groupId, r.memberId, r.generationId, g.generationId);
  }
  if (r.protocolType != null && r.protocolType !== g.protocolType) {
    throw inconsistentProtocol(
      g.groupId,
      r.memberId,
      `protocol type "${r.protocolType}" is not the group's`,
    );
  }
  if (r.protocolName != null && r.protocolName !== g.protocolName) {
    throw inconsistentProtocol(
      g.groupId,
      r.memberId,
      `protocol "${r.protocolName}" is not the group's`,
    );
  }
  switch (g.state) {
    case 'PreparingRebalance':
      throw rebalanceInProgress(g.groupId, r.memberId);
    case 'CompletingRebalance': {
      synced(g, m);
      m.sync?.reject(rebalanceInProgress(g.groupId, m.memberId));
      m.sync = new Deferred<SyncGroupResult>();
      const reply = m.sync.promise;
      if (m.memberId === g.leaderId) completeLeaderSync(g, r.assignments);
      return { reply };
    }
    case 'Stable':
      synced(g, m);
      return {
        reply: Promise.resolve({
          protocolType: g.protocolType ?? '',
          protocolName: g.protocolName ?? '',
          assignment: m.assignment,
        }),
      };
    default:
      throw unknownMember(g.groupId, r.memberId);
  }
}

function synced(g: ConsumerGroup, m: GroupMember): void {
  g.awaitingSync.delete(m.memberId);
  if (g.awaitingSync.size === 0 && g.state === 'Stable') g.stopTimer('sync');
  touchSession(g, m);
}
