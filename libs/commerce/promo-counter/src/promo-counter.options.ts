/** How the promo counter is configured (the app maps its environment onto this). */
export interface PromoCounterOptions {
  /** Where the snapshot file lives; created on the first save. */
  snapshotDir: string;
  /** How often the tally is saved when it changed. @default DEFAULT_SNAPSHOT_INTERVAL_MS */
  snapshotIntervalMs?: number;
  /** How often an idle `GET /promos/stream` gets a comment line. @default DEFAULT_SSE_HEARTBEAT_MS */
  heartbeatIntervalMs?: number;
}

export const PROMO_COUNTER_OPTIONS = Symbol('PROMO_COUNTER_OPTIONS');

/**
 * 5 s: after a crash the counter re-reads at most the records of the last 5 s (the order ids
 * of the snapshot keep them from counting twice), and a save costs one file write of the
 * whole tally (see README: the order-id set grows with the stream).
 */
export const DEFAULT_SNAPSHOT_INTERVAL_MS = 5_000;

/**
 * 15 s: below the idle timeouts of common proxies (nginx 60 s, AWS ALB 60 s), so a quiet
 * stream is not cut, and rare enough to cost nothing.
 */
export const DEFAULT_SSE_HEARTBEAT_MS = 15_000;
