/**
 * Idempotent-producer state of one partition (Kafka's ProducerStateManager, reduced to what
 * a non-transactional broker needs): per producer id, the epoch and the last 5 batches
 * (firstSeq, lastSeq, baseIndex, lastIndex), Kafka's NUM_BATCHES_TO_RETAIN.
 *
 * Rules (KAFKA-WIRE §4.7, apache/kafka ProducerAppendInfo), checked in arrival order inside
 * the partition's queue, so pipelined batches (5 in flight) see the batches before them even
 * when those are not durable yet:
 * 1. producerId -1: no checks.
 * 2. unknown producer: any sequence is accepted (modern Kafka; the state may have expired).
 * 3. epoch < stored: SPS_ERR_INVALID_PRODUCER_EPOCH.
 * 4. same epoch and (firstSeq, lastSeq) equal to a cached batch: a duplicate; the caller
 *    answers with the original indexes and appends nothing.
 * 5. newer epoch: firstSeq must be 0; same epoch: firstSeq must be lastSeq + 1 (wrapping
 *    after 2^31 - 1 to 0). Otherwise SPS_ERR_OUT_OF_ORDER_SEQUENCE.
 *
 * Snapshot file (producer-state.meta, kind 'SPSP' v1 in the envelope of log-format.ts):
 * ```
 * nextIndex  int64    the snapshot reflects every batch with base index below it
 * count      uint32
 * count × { producerId int64, epoch int16, lastTimestamp int64, batchCount uint8,
 *           batchCount × { firstSeq int32, lastSeq int32, baseIndex int64, lastIndex int64 } }
 * ```
 * Recovery loads it and replays the batches from nextIndex on (log-recovery.ts).
 */
import {
  type ByteReader,
  ByteWriter,
  type Index,
  type RecordBatchHeader,
  SpsError,
} from '@shopstream/sps-core';
import { joinPath, type Storage } from '../storage/storage';
import { type Decoded, encodeEnvelope, PRODUCER_STATE_FILE, readEnvelopeFile } from './log-format';

/** Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN. */
export const BATCHES_TO_RETAIN = 5;
/** Kafka's producer.id.expiration.ms default: state of a producer silent this long is dropped. */
export const PRODUCER_ID_EXPIRATION_MS = 24 * 60 * 60 * 1000;
const INT32_MAX = 0x7fffffff;

export interface CachedBatch {
  firstSeq: number;
  lastSeq: number;
  baseIndex: Index;
  lastIndex: Index;
}

export interface ProducerEntry {
  epoch: number;
  /** Largest batch max timestamp seen (Kafka expires producers by it). */
  lastTimestamp: number;
  /** Oldest first, at most BATCHES_TO_RETAIN. */
  batches: CachedBatch[];
}

export type ProducerCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseIndex: Index; lastIndex: Index }
  | { kind: 'reject'; error: SpsError };

const APPEND: ProducerCheck = { kind: 'append' };

/** Kafka's DefaultRecordBatch.incrementSequence: sequences wrap from 2^31 - 1 to 0. */
export function incrementSequence(sequence: number, increment: number): number {
  return sequence > INT32_MAX - increment
    ? increment - (INT32_MAX - sequence) - 1
    : sequence + increment;
}

export class ProducerStateTable {
  private readonly entries = new Map<number, ProducerEntry>();

  get size(): number {
    return this.entries.size;
  }

  entry(producerId: number): ProducerEntry | undefined {
    return this.entries.get(producerId);
  }

  /**
   * Checks the batches of one record set against the state (and against each other: a set
   * may hold several batches of one producer). Does not change the state; `apply` does,
   * once the batches have their indexes.
   */
  check(headers: readonly RecordBatchHeader[], partition: string): ProducerCheck {
    if (headers.every((h) => h.producerId < 0)) return APPEND;
    const drafts = new Map<number, { epoch: number; lastSeq: number | undefined }>();
    let duplicate: { baseIndex: Index; lastIndex: Index } | undefined;
    let fresh = 0;
    for (const h of headers) {
      if (h.producerId < 0) {
        fresh++;
        continue;
      }
      const stored = this.entries.get(h.producerId);
      const draft =
        drafts.get(h.producerId) ??
        (stored ? { epoch: stored.epoch, lastSeq: stored.batches.at(-1)?.lastSeq } : undefined);
      const firstSeq = h.baseSequence;
      const lastSeq = incrementSequence(firstSeq, h.lastOffsetDelta);
      const context = {
        partition,
        producerId: h.producerId,
        producerEpoch: h.producerEpoch,
        firstSequence: firstSeq,
        lastSequence: lastSeq,
      };
      if (draft) {
        if (h.producerEpoch < draft.epoch) {
          return reject(
            'SPS_ERR_INVALID_PRODUCER_EPOCH',
            `producer ${h.producerId} epoch ${h.producerEpoch} is older than epoch ${draft.epoch} on ${partition}`,
            { ...context, currentEpoch: draft.epoch },
          );
        }
        if (h.producerEpoch === draft.epoch) {
          const cached =
            stored?.epoch === h.producerEpoch
              ? stored.batches.find((b) => b.firstSeq === firstSeq && b.lastSeq === lastSeq)
              : undefined;
          if (cached) {
            duplicate = {
              baseIndex: duplicate?.baseIndex ?? cached.baseIndex,
              lastIndex: cached.lastIndex,
            };
            continue;
          }
          if (draft.lastSeq !== undefined && firstSeq !== incrementSequence(draft.lastSeq, 1)) {
            return reject(
              'SPS_ERR_OUT_OF_ORDER_SEQUENCE',
              `producer ${h.producerId} sent sequence ${firstSeq} on ${partition}, expected ${incrementSequence(draft.lastSeq, 1)}`,
              { ...context, expectedSequence: incrementSequence(draft.lastSeq, 1) },
            );
          }
        } else if (firstSeq !== 0) {
          return reject(
            'SPS_ERR_OUT_OF_ORDER_SEQUENCE',
            `producer ${h.producerId} started epoch ${h.producerEpoch} at sequence ${firstSeq} on ${partition}, expected 0`,
            { ...context, expectedSequence: 0 },
          );
        }
      }
      drafts.set(h.producerId, { epoch: h.producerEpoch, lastSeq });
      fresh++;
    }
    if (duplicate && fresh === 0) return { kind: 'duplicate', ...duplicate };
    if (duplicate) {
      return reject(
        'SPS_ERR_OUT_OF_ORDER_SEQUENCE',
        `record set for ${partition} mixes batches already stored with new ones`,
        { partition },
      );
    }
    return APPEND;
  }

  /** Records a stored batch (live appends after `check`, and replay during recovery). */
  apply(h: RecordBatchHeader, baseIndex: Index): void {
    if (h.producerId < 0) return;
    let entry = this.entries.get(h.producerId);
    if (!entry) {
      entry = { epoch: h.producerEpoch, lastTimestamp: h.maxTimestamp, batches: [] };
      this.entries.set(h.producerId, entry);
    } else if (entry.epoch !== h.producerEpoch) {
      entry.epoch = h.producerEpoch;
      entry.batches = [];
    }
    entry.batches.push({
      firstSeq: h.baseSequence,
      lastSeq: incrementSequence(h.baseSequence, h.lastOffsetDelta),
      baseIndex,
      lastIndex: baseIndex + h.lastOffsetDelta,
    });
    if (entry.batches.length > BATCHES_TO_RETAIN) entry.batches.shift();
    entry.lastTimestamp = Math.max(entry.lastTimestamp, h.maxTimestamp);
  }

  /** Drops producers whose last batch is older than `now - expirationMs`; returns how many. */
  expire(now: number, expirationMs = PRODUCER_ID_EXPIRATION_MS): number {
    let dropped = 0;
    for (const [id, entry] of this.entries) {
      if (now - entry.lastTimestamp >= expirationMs) {
        this.entries.delete(id);
        dropped++;
      }
    }
    return dropped;
  }

  encodeSnapshot(nextIndex: Index): Buffer {
    const w = new ByteWriter(12 + this.entries.size * 64);
    w.int64(nextIndex).uint32(this.entries.size);
    for (const [id, e] of this.entries) {
      w.int64(id).int16(e.epoch).int64(e.lastTimestamp).int8(e.batches.length);
      for (const b of e.batches)
        w.int32(b.firstSeq).int32(b.lastSeq).int64(b.baseIndex).int64(b.lastIndex);
    }
    return encodeEnvelope('SPSP', w.finish());
  }

  static parseSnapshot(r: ByteReader): { nextIndex: Index; table: ProducerStateTable } {
    const nextIndex = r.int64Number('nextIndex');
    const count = r.uint32();
    const table = new ProducerStateTable();
    for (let i = 0; i < count; i++) {
      const id = r.int64Number('producerId');
      const epoch = r.int16();
      const lastTimestamp = r.int64Number('lastTimestamp');
      const n = r.int8();
      if (n < 0 || n > BATCHES_TO_RETAIN) throw new Error(`producer ${id} has ${n} cached batches`);
      const batches: CachedBatch[] = [];
      for (let b = 0; b < n; b++) {
        batches.push({
          firstSeq: r.int32(),
          lastSeq: r.int32(),
          baseIndex: r.int64Number('baseIndex'),
          lastIndex: r.int64Number('lastIndex'),
        });
      }
      table.entries.set(id, { epoch, lastTimestamp, batches });
    }
    return { nextIndex, table };
  }
}

function reject(
  code: 'SPS_ERR_INVALID_PRODUCER_EPOCH' | 'SPS_ERR_OUT_OF_ORDER_SEQUENCE',
  message: string,
  context: Record<string, unknown>,
): ProducerCheck {
  return { kind: 'reject', error: new SpsError(code, message, { context }) };
}

export async function writeProducerSnapshot(
  storage: Storage,
  dir: string,
  table: ProducerStateTable,
  nextIndex: Index,
): Promise<void> {
  await storage.writeFileAtomic(
    joinPath(dir, PRODUCER_STATE_FILE),
    table.encodeSnapshot(nextIndex),
  );
}

export function readProducerSnapshot(
  storage: Storage,
  dir: string,
): Promise<Decoded<{ nextIndex: Index; table: ProducerStateTable }> | undefined> {
  return readEnvelopeFile(storage, joinPath(dir, PRODUCER_STATE_FILE), 'SPSP', (r) =>
    ProducerStateTable.parseSnapshot(r),
  );
}
