/**
 * The promo counter's entry in `GET /health`, named `reader`: where its reader stands on each
 * partition of `orders` against the high watermark — what a consumer group's lag would say,
 * since the counter has no group (see promo-counter.service.ts). Up while the reader runs and
 * the broker answers within the deadline; `caughtUp` says whether the counts include every
 * record written so far.
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { STREAMS } from '@shopstream/commerce-contracts';
import { withTimeout } from '@shopstream/commerce-service-config';
import { HealthRegistry } from '@shopstream/service-kit';
import { SpsClient } from '@shopstream/sps-client';
import { PromoCounterService } from './promo-counter.service';

/** How long `GET /health` waits for the broker's watermarks. */
export const READER_HEALTH_TIMEOUT_MS = 2_000;

/** One partition in the health details. */
export interface PartitionPosition {
  partition: number;
  /** The next index the counter reads; `null` before it read anything there. */
  next: number | null;
  highWatermark: number;
  /** Records written and not yet counted (or skipped). */
  lag: number;
}

@Injectable()
export class ReaderHealth implements OnModuleInit {
  constructor(
    @Inject(SpsClient) private readonly client: SpsClient,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
    private readonly counter: PromoCounterService,
  ) {}

  onModuleInit(): void {
    this.health.register({ name: 'reader', check: () => this.check() });
  }

  async check(): Promise<{ up: boolean; details: Record<string, unknown> }> {
    const description = await withTimeout(
      this.client.admin().describeStream(STREAMS.orders),
      READER_HEALTH_TIMEOUT_MS,
      'the stream backend',
    );
    const tally = this.counter.tally;
    const positions = tally.positions();
    const partitions: PartitionPosition[] = description.partitions.map((p) => {
      const next = positions[p.partition] ?? null;
      const start = Math.max(next ?? 0, Number(p.logStartIndex));
      const highWatermark = Number(p.highWatermark);
      return {
        partition: p.partition,
        next,
        highWatermark,
        lag: Math.max(0, highWatermark - start),
      };
    });
    const lag = partitions.reduce((sum, p) => sum + p.lag, 0);
    return {
      up: this.counter.running,
      details: {
        stream: STREAMS.orders,
        startedFrom: this.counter.startedFrom ?? null,
        partitions,
        lag,
        caughtUp: lag === 0,
        ordersCounted: tally.ordersCounted,
        recordsReadSinceStart: tally.recordsApplied,
        skippedRecords: tally.skippedRecords,
        indexResets: this.counter.indexResets,
        snapshot: this.counter.snapshots,
      },
    };
  }
}
