/**
 * SyncGroup (API key 14) — versions 0–3. kafkajs, librdkafka 2.0.2 and 2.15 send v3.
 *
 * Behaviour: 1:1 onto `engine.coordinator.syncGroup`. The leader's request carries every
 * member's assignment; followers park until it arrives, then everyone gets their own
 * (opaque ConsumerProtocol bytes; a member the leader gave nothing gets an encoded empty
 * assignment, as kfake does). Errors: UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION,
 * REBALANCE_IN_PROGRESS (the group is preparing a new rebalance: rejoin), INVALID_GROUP_ID —
 * with an empty assignment. A sync parked when the connection or server closes is answered
 * COORDINATOR_NOT_AVAILABLE.
 *
 * Deliberately not done: protocol type/name checks (v5+, above the advertised range).
 */
import { type Engine } from '@shopstream/sps-log';
import { KafkaError } from '../protocol/error-codes';
import { type HandlerFor } from './handler';
import { groupErrorCode, unlessAborted } from './handler-support';

export function createSyncGroupHandler(engine: Engine): HandlerFor<14> {
  return async (request, ctx) => {
    const failed = (errorCode: number) => ({
      throttleTimeMs: 0,
      errorCode,
      assignment: Buffer.alloc(0),
    });
    try {
      const result = await unlessAborted(
        engine.coordinator.syncGroup({
          groupId: request.groupId,
          generationId: request.generationId,
          memberId: request.memberId,
          groupInstanceId: request.groupInstanceId,
          assignments: request.assignments.map((a) => ({
            memberId: a.memberId,
            assignment: a.assignment,
          })),
        }),
        ctx.signal,
        () => null,
      );
      if (result === null) return failed(KafkaError.COORDINATOR_NOT_AVAILABLE);
      return { throttleTimeMs: 0, errorCode: KafkaError.NONE, assignment: result.assignment };
    } catch (error) {
      return failed(groupErrorCode(error));
    }
  };
}
