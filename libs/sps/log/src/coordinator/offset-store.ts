/**
 * The committed-index store: as durable as a partition of an internal stream, in two files
 * of the coordinator's directory, both written only through the Storage port.
 *
 *   offsets.snapshot  every live committed index as of the last compaction (atomic rewrite)
 *   offsets.log       every operation since, appended
 *
 * State = the snapshot, then the log replayed in order; last writer wins per
 * (group, stream, partition), so replaying an operation twice changes nothing.
 *
 * Format (big-endian; offset-entry-codec.ts encodes it):
 *
 *   log      := frame*
 *   frame    := length:uint32 crc:uint32 payload           crc = CRC-32C(payload)
 *   payload  := version:int8 kind:int8 group:str16 stream:str16 partition:int32 body
 *     kind 1, commit: index:int64 leader_epoch:int32 commit_timestamp_ms:int64 metadata:str32
 *     kind 2, delete: (empty)                                 a tombstone
 *   str16    := int16 length, UTF-8 bytes       str32 := int32 length, UTF-8 bytes
 *   snapshot := "SPSO" version:int16 count:uint32 frame{count}   (commit frames only)
 *
 * Version rule: versions only grow. A change appends fields to a kind's body or adds a kind,
 * and bumps OFFSET_ENTRY_VERSION (or the snapshot version). Readers read every version up to
 * their own and refuse to open a newer one with SPS_ERR_STORAGE — never skip an entry, which
 * would silently move a group's indexes.
 *
 * Durability (group commit): `append` queues operations; one flush writes every queued frame
 * in one write followed by ONE sync, then applies them to the table and acknowledges them.
 * Nothing is visible to OffsetFetch or acknowledged before its sync.
 *
 * Recovery: the log is read up to the first frame that is incomplete or fails its CRC — the
 * torn tail of a crash — and truncated there (Kafka's log recovery does the same). A corrupt
 * snapshot (written atomically, so never torn) refuses to open instead.
 *
 * Compaction: once the log passes `compactionBytes`, the table is written as a new snapshot
 * and the log truncated to zero. A crash in between leaves new snapshot + old log, whose
 * replay is idempotent, so no marker is needed.
 *
 * Failure: after a failed write or sync the log's tail is unknown (a failed fsync may have
 * dropped pages), so the batch is rejected with SPS_ERR_STORAGE and the store rewrites itself
 * (snapshot of what was acknowledged + empty log) before it appends again. While that rewrite
 * fails, every batch fails.
 */
import { SpsError } from '@shopstream/sps-core';
import { joinPath, type Storage, type StorageFile } from '../storage/storage';
import { Deferred } from './deferred';
import { coordinatorClosed } from './group-errors';
import { decodeSnapshot, encodeFrame, encodeSnapshot, readFrames } from './offset-entry-codec';
import { type CommittedOffset, type OffsetOp, type OffsetRow, OffsetTable } from './offset-table';

interface QueuedBatch {
  ops: readonly OffsetOp[];
  frames: Buffer[];
  done: Deferred<void>;
  /** A `settled()` marker: resolves once everything queued before it is settled. */
  barrier?: true;
}

export class OffsetStore {
  private waiting: QueuedBatch[] = [];
  private flushing: Promise<void> | undefined;
  private rewriteNeeded = false;
  private closed = false;

  private constructor(
    private readonly storage: Storage,
    private readonly snapshotPath: string,
    private readonly log: StorageFile,
    private logSize: number,
    private readonly table: OffsetTable,
    private readonly compactionBytes: number,
  ) {}

  /** Loads snapshot + log, cutting a torn tail off the log. */
  static async open(storage: Storage, dir: string, compactionBytes: number): Promise<OffsetStore> {
    await storage.mkdirp(dir);
    const table = new OffsetTable();
    const snapshotPath = joinPath(dir, 'offsets.snapshot');
    const snapshot = await storage.readFile(snapshotPath);
    if (snapshot) decodeSnapshot(snapshot, (op) => table.apply(op));
    const logPath = joinPath(dir, 'offsets.log');
    const existed = await storage.exists(logPath);
    const log = await storage.open(logPath, { create: true });
    try {
      if (!existed) await storage.syncDir(dir); // the new file's entry must survive a crash too
      const size = await log.size();
      const bytes = size > 0 ? await log.read(0, size) : Buffer.alloc(0);
      const valid = readFrames(bytes, 0, (op) => table.apply(op));
      if (valid < size) {
        await log.truncate(valid);
        await log.sync();
      }
      return new OffsetStore(storage, snapshotPath, log, valid, table, compactionBytes);
    } catch (error) {
      await log.close();
      throw error;
    }
  }

  get(groupId: string, stream: string, partition: number): CommittedOffset | undefined {
    return this.table.get(groupId, stream, partition);
  }

  rows(groupId?: string): OffsetRow[] {
    return this.table.rows(groupId);
  }

  hasGroup(groupId: string): boolean {
    return this.table.hasGroup(groupId);
  }

  groupIds(): string[] {
    return this.table.groupIds();
  }

  /**
   * Makes `ops` durable, then visible; resolves once they are both. Operations queued in the
   * same turn (or while a flush is running) share one write and one sync. Rejects with
   * SPS_ERR_STORAGE when the write or sync fails: then none of them was applied.
   */
  append(ops: readonly OffsetOp[]): Promise<void> {
    if (this.closed) return Promise.reject(coordinatorClosed());
    if (ops.length === 0) return Promise.resolve();
    const done = new Deferred<void>();
    this.waiting.push({ ops, frames: ops.map(encodeFrame), done });
    // nextTick, not a timer: it runs once the current burst of promise callbacks is done, so
    // commits from many groups arriving together share the flush, and fake timers cannot stall it.
    this.flushing ??= new Promise<void>((resolve) => process.nextTick(resolve)).then(() =>
      this.flushAll(),
    );
    return done.promise;
  }

  /**
   * Resolves once every operation queued so far is settled (durable or failed) — not
   * operations queued later, so a steady stream of commits cannot hold it up.
   */
  settled(): Promise<void> {
    if (!this.flushing) return Promise.resolve();
    const done = new Deferred<void>();
    this.waiting.push({ ops: [], frames: [], done, barrier: true });
    return done.promise;
  }

  /** Waits for queued operations, then closes the log. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.settled();
    await this.log.close();
  }

  private async flushAll(): Promise<void> {
    try {
      while (this.waiting.length > 0) await this.flushBatch(this.waiting.splice(0));
    } finally {
      // Synchronous with the emptiness check above: an append after it starts a new flush.
      this.flushing = undefined;
    }
  }

  private async flushBatch(batch: QueuedBatch[]): Promise<void> {
    const frames = batch.flatMap((b) => b.frames);
    if (frames.length === 0) {
      for (const b of batch) b.done.resolve(); // barriers only
      return;
    }
    try {
      if (this.rewriteNeeded) await this.rewrite();
      await this.log.write(this.logSize, frames);
      await this.log.sync();
      this.logSize += frames.reduce((n, f) => n + f.length, 0);
    } catch (cause) {
      const error = new SpsError(
        'SPS_ERR_STORAGE',
        'committing indexes failed; none was acknowledged',
        {
          cause,
          context: { path: this.log.path },
        },
      );
      for (const b of batch) {
        if (b.barrier) b.done.resolve();
        else b.done.reject(error);
      }
      if (!this.rewriteNeeded) {
        this.rewriteNeeded = true;
        await this.tryRewrite();
      }
      return;
    }
    for (const b of batch) {
      for (const op of b.ops) this.table.apply(op);
      b.done.resolve();
    }
    if (this.logSize >= this.compactionBytes) await this.tryRewrite();
  }

  /** Snapshot of the acknowledged state, then an empty log. */
  private async rewrite(): Promise<void> {
    // A failure here leaves the old snapshot and the log as they were: no worse than before.
    await this.storage.writeFileAtomic(this.snapshotPath, encodeSnapshot(this.table.rows()));
    // From here the log's durable length is unknown until the sync succeeds.
    this.rewriteNeeded = true;
    await this.log.truncate(0);
    this.logSize = 0;
    await this.log.sync();
    this.rewriteNeeded = false;
  }

  private async tryRewrite(): Promise<void> {
    try {
      await this.rewrite();
    } catch {
      // Compaction can wait for the next batch. If the log's state is unknown (rewriteNeeded),
      // the next batch retries the rewrite first and fails with SPS_ERR_STORAGE if it cannot.
    }
  }
}
