/**
 * DeleteGroups (API key 42) — versions 0–1. kafkajs, librdkafka 2.0.2 and 2.15 send v1.
 *
 * Behaviour: 1:1 onto `engine.coordinator.deleteGroups`: an Empty group is removed with its
 * committed offsets (durably, before the answer); a group with members → NON_EMPTY_GROUP
 * (68); an unknown group → GROUP_ID_NOT_FOUND (69); an empty id → INVALID_GROUP_ID. One
 * result per group, in request order.
 *
 * Deliberately not done: nothing beyond the protocol; there are no ACLs to check.
 */
import { type Engine } from '@shopstream/sps-log';
import { KafkaError } from '../protocol/error-codes';
import { type HandlerFor } from './handler';
import { groupErrorCode } from './handler-support';

export function createDeleteGroupsHandler(engine: Engine): HandlerFor<42> {
  return async (request) => {
    const results = await Promise.all(
      request.groupsNames.map(async (groupId) => {
        if (groupId === '') return { groupId, errorCode: KafkaError.INVALID_GROUP_ID };
        try {
          const [result] = await engine.coordinator.deleteGroups([groupId]);
          return {
            groupId,
            errorCode: result?.error === undefined ? KafkaError.NONE : groupErrorCode(result.error),
          };
        } catch (error) {
          return { groupId, errorCode: groupErrorCode(error) };
        }
      }),
    );
    return { throttleTimeMs: 0, results };
  };
}
