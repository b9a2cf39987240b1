/**
 * The two in-memory indexes of a segment (their file form is in log-format.ts).
 *
 * - OffsetIndex: sparse (relative index → byte position) entries, one about every
 *   `indexIntervalBytes` of batches. A lookup returns the last entry at or before the target;
 *   the reader walks batch headers from there, so a lookup costs at most one interval of reading.
 * - TimeIndex: (max timestamp so far, relative index of the first batch that reached it),
 *   timestamps strictly increasing (Kafka's time index). Every batch before an entry's batch
 *   has a smaller max timestamp, which is what makes the lookup safe with unordered timestamps.
 *
 * Typed arrays keep a million entries in a few MB and are appended to by doubling. Readers
 * binary-search them synchronously, so a concurrent append never shows them half-updated.
 */

/** A position in a segment: the batch with relative index `rel` starts at byte `position`. */
export interface IndexEntry {
  rel: number;
  position: number;
}

const START: IndexEntry = { rel: 0, position: 0 };

function grow<T extends Uint32Array | Float64Array>(array: T, count: number): T {
  if (count < array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(16, array.length * 2));
  next.set(array);
  return next;
}

/** Index of the last element with `key(i) <= target` (or `< target`), -1 when none. */
function lastAtMost(
  count: number,
  key: (i: number) => number,
  target: number,
  strict: boolean,
): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = key(mid);
    if (strict ? k < target : k <= target) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export class OffsetIndex {
  private rels: Uint32Array;
  private positions: Uint32Array;
  count: number;

  constructor(
    rels: Uint32Array = new Uint32Array(16),
    positions: Uint32Array = new Uint32Array(16),
    count = 0,
  ) {
    this.rels = rels;
    this.positions = positions;
    this.count = count;
  }

  append(rel: number, position: number): void {
    this.rels = grow(this.rels, this.count);
    this.positions = grow(this.positions, this.count);
    this.rels[this.count] = rel;
    this.positions[this.count] = position;
    this.count++;
  }

  relAt(i: number): number {
    return this.rels[i]!;
  }

  positionAt(i: number): number {
    return this.positions[i]!;
  }

  /** The last entry whose batch starts at or before relative index `rel` (segment start if none). */
  floor(rel: number): IndexEntry {
    const i = lastAtMost(this.count, (k) => this.rels[k]!, rel, false);
    return i < 0 ? START : { rel: this.rels[i]!, position: this.positions[i]! };
  }

  /** The last entry at or before byte `position` (segment start if none). */
  floorByPosition(position: number): IndexEntry {
    const i = lastAtMost(this.count, (k) => this.positions[k]!, position, false);
    return i < 0 ? START : { rel: this.rels[i]!, position: this.positions[i]! };
  }
}

export class TimeIndex {
  private timestamps: Float64Array;
  private rels: Uint32Array;
  count: number;

  constructor(
    timestamps: Float64Array = new Float64Array(16),
    rels: Uint32Array = new Uint32Array(16),
    count = 0,
  ) {
    this.timestamps = timestamps;
    this.rels = rels;
    this.count = count;
  }

  /** Adds (timestamp, rel) when the timestamp is above the last entry's (entries strictly increase). */
  maybeAppend(timestamp: number, rel: number): void {
    if (timestamp < 0) return;
    if (this.count > 0 && timestamp <= this.timestamps[this.count - 1]!) return;
    this.timestamps = grow(this.timestamps, this.count);
    this.rels = grow(this.rels, this.count);
    this.timestamps[this.count] = timestamp;
    this.rels[this.count] = rel;
    this.count++;
  }

  timestampAt(i: number): number {
    return this.timestamps[i]!;
  }

  relAt(i: number): number {
    return this.rels[i]!;
  }

  /**
   * Where a search for the first batch with max timestamp >= `timestamp` may start: the batch
   * of the last entry whose timestamp is below it (every batch up to there is below it too).
   */
  startRelFor(timestamp: number): number {
    const i = lastAtMost(this.count, (k) => this.timestamps[k]!, timestamp, true);
    return i < 0 ? 0 : this.rels[i]!;
  }
}
