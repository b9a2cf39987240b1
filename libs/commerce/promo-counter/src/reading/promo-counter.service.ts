/**
 * The promo counter's engine room: decides where to start (snapshot or the start of
 * `orders`), runs an SPS **reader** over every partition of `orders`, applies each record to
 * the tally, tells listeners (the live stream) what changed, and saves snapshots.
 *
 * Why a reader and not a consumer group with `from` indexes:
 * - every instance must see every partition: the counts are a total over the stream. A group
 *   would share the partitions among instances, and each would count a part;
 * - the position must live with the state it describes. The tally is in memory and in the
 *   snapshot, so the position is saved in the same snapshot, captured in the same tick. A
 *   group's committed indexes live in the coordinator and move on their own: after a crash the
 *   group would resume past records whose counts were lost with the memory (and `from` applies
 *   only where a group has no committed index, so it cannot override that).
 * So there is no group `promo-counter` on the broker; the reader's position and lag are in
 * `GET /health` instead (see reader-health.ts).
 *
 * Records that are not a valid `order.placed` v1 are skipped and counted as skipped, not
 * dead-lettered: a reader that rebuilds from the start would dead-letter the same record again
 * on every rebuild, and the services that own effects (order-store, crm) dead-letter it once.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  EVENT_HEADERS,
  ORDER_PLACED_V1,
  STREAMS,
  checkEventRecord,
} from '@shopstream/commerce-contracts';
import { SpsClient, type SpsMessage, type SpsReader, headerValue } from '@shopstream/sps-client';
import { PromoTally } from '../counting/promo-tally';
import { type TallyChange } from '../counting/promo-count.types';
import {
  DEFAULT_SNAPSHOT_INTERVAL_MS,
  PROMO_COUNTER_OPTIONS,
  type PromoCounterOptions,
} from '../promo-counter.options';
import { SnapshotFormatError, toSnapshot } from '../snapshot/promo-snapshot';
import { SnapshotFileStore } from '../snapshot/snapshot-file.store';
import { decideStart } from './start-position';

/** How the running tally began, for `GET /health`. */
export type StartedFrom =
  | { kind: 'snapshot'; takenAt: string; positions: Record<number, number> }
  | { kind: 'earliest'; reason: string };

@Injectable()
export class PromoCounterService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('PromoCounter');
  private readonly store: SnapshotFileStore;
  private readonly listeners = new Set<(change: TallyChange) => void>();
  private tallyNow = new PromoTally();
  private reader: SpsReader | undefined;
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private savedApplied = 0;
  private starting: Promise<void> | undefined;
  startedFrom: StartedFrom | undefined;
  readonly snapshots: { lastSavedAt?: string; lastError?: string } = {};
  indexResets = 0;

  constructor(
    @Inject(SpsClient) private readonly client: SpsClient,
    @Inject(PROMO_COUNTER_OPTIONS) private readonly options: PromoCounterOptions,
  ) {
    this.store = new SnapshotFileStore(options.snapshotDir);
  }

  get tally(): PromoTally {
    return this.tallyNow;
  }

  get running(): boolean {
    return this.reader !== undefined;
  }

  /** Calls `listener` with every change; returns the unsubscribe function. */
  onChange(listener: (change: TallyChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onApplicationBootstrap(): Promise<void> {
    this.starting ??= this.start();
    return this.starting;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.reader?.stop(); // finishes the record in hand; nothing is committed anywhere
    this.reader = undefined;
    await this.saveIfChanged(); // the final snapshot: a restart reads on from exactly here
  }

  /** Saves a snapshot now if anything was read since the last one; never throws. */
  saveIfChanged(): Promise<void> {
    this.saving = this.saving.then(async () => {
      const applied = this.tallyNow.recordsApplied;
      if (applied === this.savedApplied) return;
      // Copied in this tick, so counts and positions agree; the write happens after.
      const snapshot = toSnapshot(STREAMS.orders, this.tallyNow.state());
      try {
        await this.store.save(snapshot);
        this.savedApplied = applied;
        this.snapshots.lastSavedAt = snapshot.takenAt;
        delete this.snapshots.lastError;
      } catch (error) {
        this.snapshots.lastError = String(error);
        this.log.error(`could not save the snapshot to ${this.store.path}: ${String(error)}`);
      }
    });
    return this.saving;
  }

  private async start(): Promise<void> {
    const description = await this.client.admin().describeStream(STREAMS.orders);
    const decision = decideStart(await this.loadSnapshot(), description);
    if (decision.from === 'earliest') {
      this.tallyNow = new PromoTally();
      this.startedFrom = { kind: 'earliest', reason: decision.reason };
    } else {
      this.tallyNow = new PromoTally(decision.state);
      this.startedFrom = {
        kind: 'snapshot',
        takenAt: decision.takenAt,
        positions: decision.from.indexes,
      };
    }
    const reader = this.client.reader({
      stream: STREAMS.orders,
      from: decision.from,
      clientId: 'promo-counter',
    });
    reader.on('index-reset', (e) => {
      this.indexResets++;
      this.log.warn(
        `partition ${e.partition}: records from index ${String(e.requested)} expired before they were counted; reading on at ${String(e.restartedAt)}`,
      );
    });
    reader.on('error', (e) => this.log.warn(`reader: ${String(e.error)}`));
    await reader.start((message) => this.apply(message));
    this.reader = reader;
    this.log.log(
      decision.from === 'earliest'
        ? `counting ${STREAMS.orders} from the start (${decision.reason})`
        : `counting ${STREAMS.orders} from the snapshot of ${decision.takenAt} at ${JSON.stringify(decision.from.indexes)}`,
    );
    const interval = this.options.snapshotIntervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS;
    this.timer = setInterval(() => void this.saveIfChanged(), interval);
    this.timer.unref();
  }

  private async loadSnapshot() {
    try {
      return await this.store.load();
    } catch (error) {
      if (!(error instanceof SnapshotFormatError)) throw error;
      const aside = await this.store.setAside();
      this.log.error(`snapshot not loaded (${error.message}); moved to ${aside}, rebuilding`);
      return null;
    }
  }

  /** One record: counted, recognised as counted before, or skipped — and the position moves. */
  private apply(message: SpsMessage): void {
    const at = { partition: message.partition, index: message.index };
    if (headerValue(message.headers, EVENT_HEADERS.type) !== ORDER_PLACED_V1.type) {
      this.tallyNow.skip(at); // another event type on the stream: not ours to count
      return;
    }
    const checked = checkEventRecord(ORDER_PLACED_V1, message);
    if (!checked.ok) {
      this.tallyNow.skip(at);
      const reason = checked.issues.map((i) => `${i.field || '(record)'}: ${i.message}`);
      this.log.warn(
        `skipped ${message.stream}/${at.partition}@${String(at.index)}: ${reason.join('; ')}`,
      );
      return;
    }
    const change = this.tallyNow.count(checked.value.payload, at);
    if (change === undefined) return;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        // The count stands; a failing listener must not make the reader retry the record.
        this.log.error(`change listener failed: ${String(error)}`);
      }
    }
  }
}
