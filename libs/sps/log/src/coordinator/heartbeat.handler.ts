/**
 * Heartbeat (Kafka API key 12; v0–3). Runs inside the group's queue. Unknown member →
 * UNKNOWN_MEMBER; other generation → ILLEGAL_GENERATION; PreparingRebalance →
 * REBALANCE_IN_PROGRESS, which is how members learn they must rejoin; CompletingRebalance
 * and Stable → OK. Any heartbeat from a member restarts its session timer.
 */
import { type ConsumerGroup } from './consumer-group';
import { type HeartbeatRequest } from './coordinator-types';
import { illegalGeneration, rebalanceInProgress, unknownMember } from './group-errors';
import { touchSession } from './group-rebalance';

export function handleHeartbeat(g: ConsumerGroup, r: HeartbeatRequest): void {
  const m = g.members.get(r.memberId);
  if (!m) throw unknownMember(g.groupId, r.memberId);
  if (r.generationId !== g.generationId) {
    throw illegalGeneration(g.groupId, r.memberId, r.generationId, g.generationId);
  }
  switch (g.state) {
    case 'PreparingRebalance':
      touchSession(g, m);
      throw rebalanceInProgress(g.groupId, r.memberId);
    case 'CompletingRebalance':
    case 'Stable':
      touchSession(g, m);
      return;
    default:
      throw unknownMember(g.groupId, r.memberId);
  }
}
