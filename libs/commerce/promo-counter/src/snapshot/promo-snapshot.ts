/**
 * The promo counter's snapshot file: the whole tally and the positions it was taken at, so a
 * restart reads on from there instead of from the start of `orders`.
 *
 * Format (JSON, UTF-8, one object; `promo-counter.snapshot.json` under SNAPSHOT_DIR):
 *
 * ```json
 * {
 *   "format": "shopstream.promo-counter.snapshot",
 *   "version": 1,
 *   "stream": "orders",
 *   "takenAt": "2026-11-25T20:00:00.000Z",
 *   "positions": { "0": 42, "1": 17, "2": 30 },        // per partition: the next index to read
 *   "promos": [{ "code": "WELCOME10", "orders": 3, "totalCents": 16740,
 *                "discountCents": 1860, "lastOrderAt": "2026-11-25T19:59:58.000Z" }],
 *   "withoutCode": { "orders": 5, "totalCents": 31000, "discountCents": 0 },
 *   "orderIds": ["ord_01JQ7ZK3V9", "..."],               // every order counted
 *   "skippedRecords": 0
 * }
 * ```
 *
 * Versioning rule: a reader accepts exactly the versions it knows. Adding an optional field
 * keeps the version; anything else (a field removed, renamed or retyped, a meaning changed)
 * is a new version, and a file of a version this build does not know is not loaded: the
 * counter rebuilds from the start of the stream, which is always correct, only slower.
 */
import { z } from 'zod';
import { type TallyState } from '../counting/promo-count.types';

export const SNAPSHOT_FORMAT = 'shopstream.promo-counter.snapshot';
export const SNAPSHOT_VERSION = 1;

const count = z.number().int().nonnegative();
const totals = {
  orders: count,
  totalCents: count,
  discountCents: count,
  lastOrderAt: z.iso.datetime().optional(),
};

const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  stream: z.string().min(1),
  takenAt: z.iso.datetime(),
  positions: z.record(z.string().regex(/^\d+$/), count),
  promos: z.array(z.object({ code: z.string().min(1), ...totals })),
  withoutCode: z.object(totals),
  orderIds: z.array(z.string()),
  skippedRecords: count,
});

/** A snapshot as stored. */
export type PromoSnapshot = z.infer<typeof snapshotSchema>;

/** The tally `state` as a snapshot of `stream`, taken now. */
export function toSnapshot(stream: string, state: TallyState, now = new Date()): PromoSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    stream,
    takenAt: now.toISOString(),
    ...state,
    positions: Object.fromEntries(Object.entries(state.positions)),
  };
}

/** The tally a snapshot holds. */
export function toTallyState(snapshot: PromoSnapshot): TallyState {
  const positions: Record<number, number> = {};
  for (const [p, i] of Object.entries(snapshot.positions)) positions[Number(p)] = i;
  return {
    positions,
    promos: snapshot.promos,
    withoutCode: snapshot.withoutCode,
    orderIds: snapshot.orderIds,
    skippedRecords: snapshot.skippedRecords,
  };
}

/** Why a file is not a snapshot this build can load. */
export class SnapshotFormatError extends Error {
  override readonly name = 'SnapshotFormatError';
}

/**
 * Parses a snapshot file's text.
 *
 * @throws SnapshotFormatError for text that is not JSON, another format, a version this build
 * does not know, or a field that is wrong (the message names it).
 */
export function parseSnapshot(text: string): PromoSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnapshotFormatError(`not JSON: ${(error as Error).message}`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== SNAPSHOT_VERSION) {
    throw new SnapshotFormatError(
      `version ${JSON.stringify(version)} is not one this build reads (${SNAPSHOT_VERSION})`,
    );
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SnapshotFormatError(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
