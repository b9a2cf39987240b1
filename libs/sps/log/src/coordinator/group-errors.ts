/**
 * The errors the coordinator answers with, built in one place so each carries the same
 * context (`groupId`, `memberId`, generations). The wire layer maps codes to Kafka's:
 * UNKNOWN_MEMBER → 25, ILLEGAL_GENERATION → 22, REBALANCE_IN_PROGRESS → 27,
 * MEMBER_ID_REQUIRED → 79, INVALID_SESSION_TIMEOUT → 26, INCONSISTENT_GROUP_PROTOCOL → 23,
 * GROUP_NOT_EMPTY → 68, UNKNOWN_GROUP → 69.
 */
import { isSpsError, SpsError } from '@shopstream/sps-core';

export function unknownMember(
  groupId: string,
  memberId: string,
  why = 'is not a member',
): SpsError {
  return new SpsError(
    'SPS_ERR_UNKNOWN_MEMBER',
    `member "${memberId}" of group "${groupId}" ${why}`,
    {
      context: { groupId, memberId },
    },
  );
}

/** `current` undefined: the group does not exist (any generation is stale). */
export function illegalGeneration(
  groupId: string,
  memberId: string,
  generationId: number,
  current?: number,
): SpsError {
  const why = current === undefined ? 'does not exist' : `is at generation ${current}`;
  return new SpsError(
    'SPS_ERR_ILLEGAL_GENERATION',
    `member "${memberId}" sent generation ${generationId}, but group "${groupId}" ${why}`,
    { context: { groupId, memberId, generationId, currentGenerationId: current ?? null } },
  );
}

export function rebalanceInProgress(groupId: string, memberId: string): SpsError {
  return new SpsError(
    'SPS_ERR_REBALANCE_IN_PROGRESS',
    `group "${groupId}" is rebalancing: rejoin`,
    {
      context: { groupId, memberId },
    },
  );
}

export function inconsistentProtocol(groupId: string, memberId: string, detail: string): SpsError {
  return new SpsError('SPS_ERR_INCONSISTENT_GROUP_PROTOCOL', `group "${groupId}": ${detail}`, {
    context: { groupId, memberId },
  });
}

export function memberIdRequired(groupId: string, memberId: string): SpsError {
  return new SpsError(
    'SPS_ERR_MEMBER_ID_REQUIRED',
    `join group "${groupId}" again with member id "${memberId}"`,
    { context: { groupId, memberId } },
  );
}

export function unknownGroup(groupId: string): SpsError {
  return new SpsError('SPS_ERR_UNKNOWN_GROUP', `group "${groupId}" does not exist`, {
    context: { groupId },
  });
}

export function groupNotEmpty(groupId: string, state: string): SpsError {
  return new SpsError(
    'SPS_ERR_GROUP_NOT_EMPTY',
    `group "${groupId}" has members (state ${state})`,
    {
      context: { groupId, state },
    },
  );
}

export function coordinatorClosed(): SpsError {
  return new SpsError('SPS_ERR_ENGINE_CLOSED', 'the group coordinator is closed');
}

/** An SpsError as is; anything else (a bug, a foreign storage error) wrapped as SPS_ERR_STORAGE. */
export function asSpsError(error: unknown): SpsError {
  if (isSpsError(error)) return error;
  return new SpsError('SPS_ERR_STORAGE', 'unexpected coordinator failure', { cause: error });
}
