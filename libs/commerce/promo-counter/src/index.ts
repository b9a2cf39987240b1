// @shopstream/commerce-promo-counter: orders and revenue per promo code, live — an SPS reader
// over `orders` with snapshots, a read model and server-sent events.
export { PromoCounterModule } from './promo-counter.module';
export {
  DEFAULT_SNAPSHOT_INTERVAL_MS,
  DEFAULT_SSE_HEARTBEAT_MS,
  PROMO_COUNTER_OPTIONS,
  type PromoCounterOptions,
} from './promo-counter.options';
export { createPromoCounterApp } from './bootstrap/create-promo-counter-app';
export { PromoTally, indexAfter, type RecordPosition } from './counting/promo-tally';
export type {
  LivePromoCount,
  PromoBoard,
  TallyChange,
  TallyState,
  WithoutCodeCount,
} from './counting/promo-count.types';
export {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  SnapshotFormatError,
  parseSnapshot,
  toSnapshot,
  type PromoSnapshot,
} from './snapshot/promo-snapshot';
export { SNAPSHOT_FILE, SnapshotFileStore } from './snapshot/snapshot-file.store';
export { PromoCounterService, type StartedFrom } from './reading/promo-counter.service';
export {
  ReaderHealth,
  READER_HEALTH_TIMEOUT_MS,
  type PartitionPosition,
} from './reading/reader-health';
export { PromoEventsHub, MAX_BUFFERED_BYTES, SSE_HEADERS } from './live/promo-events.hub';
export { PromosController } from './http/promos.controller';
