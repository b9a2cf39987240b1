/**
 * Shared helpers of the partition-log suites: a config, batch builders, opening a log on
 * MemoryStorage, and reading everything back as records.
 */
import {
  decodeRecords,
  encodeRecordBatch,
  type EncodeBatchOptions,
  hasSpsCode,
  type SpsErrorCode,
  splitBatches,
  type StoredRecord,
  type StreamConfig,
} from '@shopstream/sps-core';
import { expect } from 'vitest';
import { ManualClock } from '../../clock';
import { MemoryStorage } from '../../storage/memory-storage';
import { type Storage, type StorageFile } from '../../storage/storage';
import { PartitionLog, type PartitionLogOptions } from '../partition-log';

export const DIR = '/data/streams/orders/0';
export const T0 = 1_764_000_000_000;

export function streamConfig(overrides: Partial<StreamConfig> = {}): StreamConfig {
  return {
    ttlMs: -1,
    retentionBytes: -1,
    segmentBytes: 1024 * 1024,
    segmentMs: 7 * 24 * 3600 * 1000,
    maxBatchBytes: 1_048_588,
    ...overrides,
  };
}

/** A batch of records with values `v…`, timestamps `T0 + i` unless given. */
export function batch(
  values: string[],
  options: EncodeBatchOptions & { timestamps?: number[] } = {},
): Buffer {
  return encodeRecordBatch(
    values.map((v, i) => ({
      key: Buffer.from(`k-${v}`),
      value: Buffer.from(v),
      timestamp: options.timestamps?.[i] ?? T0 + i,
    })),
    { now: T0, ...options },
  );
}

/** A batch of `count` records named `${prefix}-${n}`. */
export function namedBatch(
  prefix: string,
  count: number,
  options: EncodeBatchOptions & { timestamps?: number[] } = {},
): Buffer {
  return batch(
    Array.from({ length: count }, (_, n) => `${prefix}-${n}`),
    options,
  );
}

export interface Harness {
  storage: MemoryStorage;
  clock: ManualClock;
  open(overrides?: Partial<PartitionLogOptions>): Promise<PartitionLog>;
}

export function harness(defaults: Partial<PartitionLogOptions> = {}): Harness {
  const storage = new MemoryStorage();
  const clock = new ManualClock(T0);
  return {
    storage,
    clock,
    open: (overrides = {}) =>
      PartitionLog.open({
        dir: DIR,
        name: 'orders-0',
        storage,
        clock,
        config: streamConfig(),
        fsync: 'always',
        indexIntervalBytes: 256,
        ...defaults,
        ...overrides,
      }),
  };
}

/** Every record in batches (concatenated), in order. */
export function recordsOf(batches: Buffer): StoredRecord[] {
  return splitBatches(batches).batches.flatMap((b) => decodeRecords(b));
}

/** Every record from the log start to the high watermark, read in small pieces. */
export async function readAll(log: PartitionLog, maxBytes = 1000): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  let index = log.logStartIndex;
  while (index < log.highWatermark) {
    const { records } = await log.read(index, maxBytes);
    const got = recordsOf(records).filter((r) => r.index >= index);
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]!.index).toBe(index);
    out.push(...got);
    index = got[got.length - 1]!.index + 1;
  }
  return out;
}

export const values = (records: StoredRecord[]): string[] =>
  records.map((r) => r.value!.toString());

export async function expectCode(promise: Promise<unknown>, code: SpsErrorCode): Promise<unknown> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeDefined();
  expect(hasSpsCode(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
  return error;
}

/** Segment file names in the partition directory. */
export async function segmentFiles(storage: Storage, suffix = '.log'): Promise<string[]> {
  return (await storage.list(DIR)).filter((n) => n.endsWith(suffix));
}

/**
 * Storage that delegates to another and lets a test hold syncs (to see what happens while
 * one is in flight) and count bytes read from segment files.
 */
export class InstrumentedStorage implements Storage {
  logBytesRead = 0;
  syncs = 0;
  private held: Array<() => void> = [];
  private holding = false;
  private heldReadQueue: Array<() => void> = [];
  private holdingReads = false;

  constructor(readonly inner: Storage) {}

  /** Syncs from now on wait until `release()`. */
  holdSyncs(): void {
    this.holding = true;
  }

  /** Lets every held sync proceed (and later ones run freely). */
  release(): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const go of held) go();
  }

  get heldSyncs(): number {
    return this.held.length;
  }

  /** Segment reads from now on wait until `releaseReads()`. */
  holdReads(): void {
    this.holdingReads = true;
  }

  releaseReads(): void {
    this.holdingReads = false;
    const held = this.heldReadQueue;
    this.heldReadQueue = [];
    for (const go of held) go();
  }

  get heldReads(): number {
    return this.heldReadQueue.length;
  }

  async open(path: string, options?: { create?: boolean }): Promise<StorageFile> {
    const file = await this.inner.open(path, options);
    return {
      path: file.path,
      size: () => file.size(),
      read: async (position, length) => {
        if (this.holdingReads && path.endsWith('.log')) {
          await new Promise<void>((go) => this.heldReadQueue.push(go));
        }
        const bytes = await file.read(position, length);
        if (path.endsWith('.log')) this.logBytesRead += bytes.length;
        return bytes;
      },
      write: (position, chunks) => file.write(position, chunks),
      sync: async () => {
        this.syncs++;
        if (this.holding) await new Promise<void>((go) => this.held.push(go));
        await file.sync();
      },
      truncate: (size) => file.truncate(size),
      close: () => file.close(),
    };
  }

  readFile(path: string): Promise<Buffer | undefined> {
    return this.inner.readFile(path);
  }
  writeFileAtomic(path: string, data: Buffer): Promise<void> {
    return this.inner.writeFileAtomic(path, data);
  }
  list(dir: string): Promise<string[]> {
    return this.inner.list(dir);
  }
  mkdirp(dir: string): Promise<void> {
    return this.inner.mkdirp(dir);
  }
  exists(path: string): Promise<boolean> {
    return this.inner.exists(path);
  }
  remove(path: string): Promise<void> {
    return this.inner.remove(path);
  }
  removeDir(dir: string): Promise<void> {
    return this.inner.removeDir(dir);
  }
  rename(from: string, to: string): Promise<void> {
    return this.inner.rename(from, to);
  }
  syncDir(dir: string): Promise<void> {
    return this.inner.syncDir(dir);
  }
}

/** Resolves once `predicate` holds, checking after each macrotask turn (no fixed sleeps). */
export async function until(predicate: () => boolean, what: string, turns = 1000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (predicate()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}
