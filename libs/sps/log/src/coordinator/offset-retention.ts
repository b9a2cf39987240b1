/**
 * Offset expiry (Kafka `offsets.retention.minutes`, KIP-211): the committed indexes of a group
 * expire once the group has been Empty, and the index unchanged, for the retention period.
 * Then a group left with no indexes and no members is removed, as Kafka's periodic cleanup
 * does. The sweep runs on a timer and posts its work to each group's queue.
 *
 * After a restart `emptySince` is the open time (membership is not persisted), so a restart
 * postpones expiry rather than hastening it.
 */
import { type Clock } from '../clock';
import { type GroupContext } from './consumer-group';
import { unknownMember } from './group-errors';
import { type GroupRegistry } from './group-registry';
import { type OffsetStore } from './offset-store';
import { tombstone } from './offset-table';

export class OffsetRetention {
  private cancel: (() => void) | undefined;

  constructor(
    private readonly o: {
      clock: Clock;
      offsetsRetentionMs: number;
      offsetsRetentionCheckIntervalMs: number;
    },
    private readonly offsets: OffsetStore,
    private readonly registry: GroupRegistry,
    private readonly ctx: GroupContext,
  ) {}

  start(): void {
    this.cancel = this.o.clock.setTimer(this.o.offsetsRetentionCheckIntervalMs, () => {
      if (!this.ctx.isOpen()) return;
      void this.sweep().finally(() => {
        if (this.ctx.isOpen()) this.start();
      });
    });
  }

  stop(): void {
    this.cancel?.();
  }

  private async sweep(): Promise<void> {
    await Promise.all(
      this.registry.all().map((g) =>
        g.queue
          .run(async () => {
            if (g.state !== 'Empty') return;
            await this.offsets.settled(); // this group's queued commits count as live
            const now = this.o.clock.now();
            const expired = this.offsets
              .rows(g.groupId)
              .filter(
                (r) =>
                  now - Math.max(r.offset.commitTimestamp, g.emptySince) >=
                  this.o.offsetsRetentionMs,
              );
            await this.offsets.append(expired.map(tombstone));
            if (!this.offsets.hasGroup(g.groupId) && g.members.size === 0 && g.pending.size === 0) {
              g.shutdown(unknownMember(g.groupId, '', 'belongs to a removed group'));
              this.registry.remove(g);
            }
          })
          // A storage failure leaves the indexes in place; the next sweep tries again.
          .catch(() => undefined),
      ),
    );
  }
}
