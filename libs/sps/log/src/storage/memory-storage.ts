import { SpsError } from '@shopstream/sps-core';
import { dirOf, type Storage, type StorageFile } from './storage';

/** Operations a test can make fail. */
export type FaultOp = 'write' | 'read' | 'sync' | 'open' | 'truncate' | 'writeFileAtomic';

interface Fault {
  op: FaultOp;
  path: RegExp;
  remaining: number;
  error: () => Error;
}

interface MemFile {
  /** What a reader sees now (includes unsynced writes). */
  data: Buffer;
  /** What survives a crash: the bytes at the last successful sync. */
  durable: Buffer;
  /** Whether the directory entry itself is durable (created before the last dir sync). */
  entryDurable: boolean;
}

/**
 * In-memory storage for tests, with fault injection:
 * - `fail(op, path, times)`: the next matching operation(s) throw (EIO by default);
 * - `crash({ tornTail })`: every file falls back to its last synced bytes, as after a power
 *   cut; with `tornTail`, part of each file's unsynced tail survives (and may be garbage);
 * - `flipBit(path, position)`: silent corruption, in the durable and current bytes.
 * Files and directories not yet made durable by a sync of their directory vanish on crash.
 */
export class MemoryStorage implements Storage {
  private readonly files = new Map<string, MemFile>();
  private readonly dirs = new Set<string>(['/', '.']);
  private readonly faults: Fault[] = [];
  /** Count of sync calls that reached a file, for group-commit assertions. */
  syncCount = 0;

  fail(op: FaultOp, path: RegExp | string = /.*/, times = 1, error?: () => Error): void {
    const pattern =
      typeof path === 'string' ? new RegExp(path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : path;
    this.faults.push({
      op,
      path: pattern,
      remaining: times,
      error: error ?? (() => Object.assign(new Error(`injected ${op} failure`), { code: 'EIO' })),
    });
  }

  /** Throws the injected error if a fault matches this operation. */
  private check(op: FaultOp, path: string): void {
    const fault = this.faults.find((f) => f.op === op && f.remaining > 0 && f.path.test(path));
    if (!fault) return;
    fault.remaining--;
    const cause = fault.error();
    throw new SpsError('SPS_ERR_STORAGE', `${op} ${path} failed: ${cause.message}`, {
      cause,
      context: { op, path, injected: true },
    });
  }

  /** Simulates a power cut: unsynced bytes are lost (or partly kept, possibly as garbage). */
  crash(options: { tornTail?: 'none' | 'partial' | 'garbage'; random?: () => number } = {}): void {
    const random = options.random ?? Math.random;
    for (const [path, file] of [...this.files]) {
      if (!file.entryDurable) {
        this.files.delete(path);
        continue;
      }
      let next = Buffer.from(file.durable);
      const unsynced = file.data.length - file.durable.length;
      if (options.tornTail && options.tornTail !== 'none' && unsynced > 0) {
        const keep = Math.floor(random() * unsynced);
        const tail = Buffer.from(
          file.data.subarray(file.durable.length, file.durable.length + keep),
        );
        if (options.tornTail === 'garbage')
          for (let i = 0; i < tail.length; i++) tail[i] = Math.floor(random() * 256);
        next = Buffer.concat([next, tail]);
      }
      file.data = next;
      file.durable = Buffer.from(next);
    }
  }

  /** Flips the bits of `mask` in the byte at `position`, durably (bit rot). */
  flipBit(path: string, position: number, mask = 0x01): void {
    const file = this.mustGet(path);
    if (position < file.data.length) file.data[position]! ^= mask;
    if (position < file.durable.length) file.durable[position]! ^= mask;
  }

  /** A copy of a file's current bytes. */
  peek(path: string): Buffer | undefined {
    const file = this.files.get(path);
    return file ? Buffer.from(file.data) : undefined;
  }

  private mustGet(path: string): MemFile {
    const file = this.files.get(path);
    if (!file) {
      throw new SpsError('SPS_ERR_STORAGE', `no such file ${path}`, {
        context: { path, errno: 'ENOENT' },
      });
    }
    return file;
  }

  async open(path: string, options: { create?: boolean } = {}): Promise<StorageFile> {
    this.check('open', path);
    if (!this.files.has(path)) {
      if (!options.create || !this.dirs.has(dirOf(path))) this.mustGet(path);
      this.files.set(path, {
        data: Buffer.alloc(0),
        durable: Buffer.alloc(0),
        entryDurable: false,
      });
    }
    return Promise.resolve(new MemoryFile(this, path));
  }

  /** @internal used by MemoryFile */
  fileOp<T>(op: FaultOp, path: string, fn: (file: MemFile) => T): Promise<T> {
    this.check(op, path);
    return Promise.resolve(fn(this.mustGet(path)));
  }

  async readFile(path: string): Promise<Buffer | undefined> {
    this.check('read', path);
    const file = this.files.get(path);
    return Promise.resolve(file ? Buffer.from(file.data) : undefined);
  }

  async writeFileAtomic(path: string, data: Buffer): Promise<void> {
    this.check('writeFileAtomic', path);
    if (!this.dirs.has(dirOf(path))) this.mustGet(dirOf(path));
    this.files.set(path, {
      data: Buffer.from(data),
      durable: Buffer.from(data),
      entryDurable: true,
    });
    return Promise.resolve();
  }

  async list(dir: string): Promise<string[]> {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p.startsWith(prefix) && p.length > prefix.length)
        names.add(p.slice(prefix.length).split('/')[0]!);
    }
    return Promise.resolve([...names].sort());
  }

  async mkdirp(dir: string): Promise<void> {
    const parts = dir.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const d = parts.slice(0, i).join('/') || '/';
      this.dirs.add(d);
    }
    return Promise.resolve();
  }

  async exists(path: string): Promise<boolean> {
    return Promise.resolve(this.files.has(path) || this.dirs.has(path));
  }

  async remove(path: string): Promise<void> {
    this.files.delete(path);
    return Promise.resolve();
  }

  async removeDir(dir: string): Promise<void> {
    const prefix = `${dir}/`;
    for (const p of [...this.files.keys()]) if (p.startsWith(prefix)) this.files.delete(p);
    for (const d of [...this.dirs]) if (d === dir || d.startsWith(prefix)) this.dirs.delete(d);
    return Promise.resolve();
  }

  async rename(from: string, to: string): Promise<void> {
    const file = this.mustGet(from);
    this.files.delete(from);
    this.files.set(to, { ...file, entryDurable: false });
    return Promise.resolve();
  }

  async syncDir(dir: string): Promise<void> {
    for (const [p, file] of this.files) if (dirOf(p) === dir) file.entryDurable = true;
    return Promise.resolve();
  }
}

class MemoryFile implements StorageFile {
  constructor(
    private readonly storage: MemoryStorage,
    readonly path: string,
  ) {}

  size(): Promise<number> {
    return this.storage.fileOp('read', this.path, (f) => f.data.length);
  }

  read(position: number, length: number): Promise<Buffer> {
    return this.storage.fileOp('read', this.path, (f) =>
      Buffer.from(f.data.subarray(position, Math.min(f.data.length, position + length))),
    );
  }

  write(position: number, chunks: readonly Buffer[]): Promise<void> {
    return this.storage.fileOp('write', this.path, (f) => {
      const bytes = Buffer.concat(chunks);
      const end = position + bytes.length;
      const next = Buffer.alloc(Math.max(f.data.length, end));
      f.data.copy(next);
      bytes.copy(next, position);
      f.data = next;
    });
  }

  sync(): Promise<void> {
    return this.storage.fileOp('sync', this.path, (f) => {
      f.durable = Buffer.from(f.data);
      this.storage.syncCount++;
    });
  }

  truncate(size: number): Promise<void> {
    return this.storage.fileOp('truncate', this.path, (f) => {
      f.data = Buffer.from(f.data.subarray(0, size));
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
