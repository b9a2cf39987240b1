/**
 * Committed indexes as the coordinator serves them: OffsetCommit, OffsetFetch, and the admin
 * operations that rewrite them (delete a group, reset, lag, forget a deleted stream). Group
 * checks run inside the group's queue; durability is the OffsetStore's (acknowledged after
 * sync). GroupCoordinator delegates here after its argument checks.
 */
import { type SpsError, type StartFrom } from '@shopstream/sps-core';
import { type Clock } from '../clock';
import {
  type CoordinatorLogView,
  type DeleteGroupResult,
  type OffsetCommitRequest,
  type OffsetCommitResult,
  type OffsetFetchRequest,
  type OffsetFetchResult,
  type PartitionLag,
  type ResetOffsetResult,
} from './coordinator-types';
import { asSpsError, groupNotEmpty, illegalGeneration, unknownMember } from './group-errors';
import { type GroupRegistry } from './group-registry';
import { computeLag, resetPartitions, resetTargets, subscribedStreams } from './offset-admin';
import { checkCommit, commitOps, commitProblem } from './offset-commit.handler';
import { type OffsetStore } from './offset-store';
import { type CommittedOffset, type OffsetOp, tombstone } from './offset-table';

type CommitOutcome =
  { groupError: SpsError } | { problems: (SpsError | undefined)[]; durable: Promise<void> };

export class OffsetService {
  constructor(
    private readonly o: { logView: CoordinatorLogView; clock: Clock },
    private readonly offsets: OffsetStore,
    private readonly registry: GroupRegistry,
  ) {}

  /** See GroupCoordinator.commitOffsets. */
  async commit(r: OffsetCommitRequest): Promise<OffsetCommitResult[]> {
    const outcome = await this.registry.withGroup(
      r.groupId,
      r.generationId < 0,
      (g): CommitOutcome => {
        try {
          checkCommit(g, r);
        } catch (error) {
          return { groupError: asSpsError(error) };
        }
        // Checked inside the queue, right before the append: a stream deleted meanwhile is
        // either refused here or has its indexes removed after this commit lands.
        const problems = r.offsets.map((entry) => commitProblem(this.o.logView, entry));
        const ops = commitOps(r, problems, this.o.clock.now());
        return { problems, durable: this.offsets.append(ops) };
      },
      (): CommitOutcome => ({
        // Kafka: a generation-aware commit to a group that does not exist is from a stale member.
        groupError: illegalGeneration(r.groupId, r.memberId, r.generationId),
      }),
    );
    if ('groupError' in outcome) {
      const { groupError: error } = outcome;
      return r.offsets.map(({ stream, partition }) => ({ stream, partition, error }));
    }
    const storageError = await outcome.durable.then(() => undefined, asSpsError);
    return r.offsets.map(({ stream, partition }, i) => {
      const error = outcome.problems[i] ?? storageError;
      return error ? { stream, partition, error } : { stream, partition };
    });
  }

  /** See GroupCoordinator.fetchOffsets. */
  async fetch(r: OffsetFetchRequest): Promise<OffsetFetchResult[]> {
    const read = (): OffsetFetchResult[] =>
      r.partitions === null
        ? this.offsets
            .rows(r.groupId)
            .map(({ stream, partition, offset }) => ({ stream, partition, ...fetched(offset) }))
        : r.partitions.map(({ stream, partition }) => ({
            stream,
            partition,
            ...fetched(this.offsets.get(r.groupId, stream, partition)),
          }));
    return await this.registry.withGroup(r.groupId, false, read, read);
  }

  /** Deletes an Empty group with its committed indexes. */
  async deleteGroup(groupId: string): Promise<DeleteGroupResult> {
    return await this.registry
      .withGroup(groupId, false, async (g) => {
        if (g.state !== 'Empty') throw groupNotEmpty(groupId, g.state);
        // Inside the queue on purpose: nobody joins until the indexes are durably gone.
        // Commits this group queued earlier land first, so every one gets its tombstone.
        await this.offsets.settled();
        await this.offsets.append(this.offsets.rows(groupId).map(tombstone));
        g.shutdown(unknownMember(groupId, '', 'belongs to a deleted group'));
        this.registry.remove(g);
        return { groupId };
      })
      .catch((error: unknown) => ({ groupId, error: asSpsError(error) }));
  }

  /** See GroupCoordinator.resetOffsets. */
  async reset(
    groupId: string,
    stream: string,
    to: StartFrom,
    partitions?: number[],
  ): Promise<ResetOffsetResult[]> {
    const chosen = resetPartitions(this.o.logView, stream, to, partitions);
    return await this.registry.withGroup(groupId, true, async (g) => {
      if (g.state !== 'Empty') throw groupNotEmpty(groupId, g.state);
      const targets = await resetTargets(this.o.logView, stream, to, chosen);
      const now = this.o.clock.now();
      await this.offsets.append(
        targets.map(({ partition, index }): OffsetOp => ({
          kind: 'commit',
          groupId,
          stream,
          partition,
          offset: { index, leaderEpoch: -1, metadata: '', commitTimestamp: now },
        })),
      );
      return targets;
    });
  }

  /** See GroupCoordinator.lag. */
  async lag(groupId: string): Promise<PartitionLag[]> {
    return await this.registry.withGroup(groupId, false, (g) =>
      computeLag(this.o.logView, this.offsets.rows(groupId), subscribedStreams(g)),
    );
  }

  /** See GroupCoordinator.deleteStreamOffsets. */
  async deleteStream(stream: string): Promise<void> {
    await this.offsets.settled(); // commits validated before the stream went away land first
    await this.offsets.append(
      this.offsets
        .rows()
        .filter((row) => row.stream === stream)
        .map(tombstone),
    );
  }
}

function fetched(
  offset: CommittedOffset | undefined,
): Pick<OffsetFetchResult, 'index' | 'metadata' | 'leaderEpoch'> {
  return offset
    ? { index: offset.index, metadata: offset.metadata, leaderEpoch: offset.leaderEpoch }
    : { index: -1, metadata: '', leaderEpoch: -1 };
}
