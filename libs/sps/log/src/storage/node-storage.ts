import { writevSync } from 'node:fs';
import {
  type FileHandle,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
} from 'node:fs/promises';
import { SpsError } from '@shopstream/sps-core';
import { dirOf, type Storage, type StorageFile } from './storage';

function storageError(op: string, path: string, cause: unknown): SpsError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new SpsError('SPS_ERR_STORAGE', `${op} ${path} failed: ${code ?? String(cause)}`, {
    cause,
    context: { op, path, errno: code },
  });
}

/** Writes up to this size go to the page cache synchronously (see NodeFile.writeAll). */
const SYNC_WRITE_MAX_BYTES = 256 * 1024;

/** The chunks left after `written` bytes of them were written. */
function remainingAfter(chunks: Buffer[], written: number): Buffer[] {
  let skip = written;
  const rest: Buffer[] = [];
  for (const chunk of chunks) {
    if (skip >= chunk.length) {
      skip -= chunk.length;
    } else {
      rest.push(skip > 0 ? chunk.subarray(skip) : chunk);
      skip = 0;
    }
  }
  return rest;
}

class NodeFile implements StorageFile {
  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  async size(): Promise<number> {
    try {
      return (await this.handle.stat()).size;
    } catch (cause) {
      throw storageError('stat', this.path, cause);
    }
  }

  async read(position: number, length: number): Promise<Buffer> {
    try {
      return await this.readAll(position, length);
    } catch (cause) {
      throw storageError('read', this.path, cause);
    }
  }

  private async readAll(position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await this.handle.read(
        buffer,
        filled,
        length - filled,
        position + filled,
      );
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === length ? buffer : buffer.subarray(0, filled);
  }

  async write(position: number, chunks: readonly Buffer[]): Promise<void> {
    try {
      await this.writeAll(position, chunks);
    } catch (cause) {
      throw storageError('write', this.path, cause);
    }
  }

  private async writeAll(position: number, chunks: readonly Buffer[]): Promise<void> {
    let pending = chunks.filter((c) => c.length > 0);
    const total = pending.reduce((sum, c) => sum + c.length, 0);
    if (total <= SYNC_WRITE_MAX_BYTES) {
      // A small write lands in the page cache in microseconds; a round trip through libuv's
      // thread pool costs ~80 µs, which dominated one-record appends (as Kafka does, write
      // synchronously and leave the expensive part, fdatasync, to the thread pool).
      let at = position;
      while (pending.length > 0) {
        const written = writevSync(this.handle.fd, pending, at);
        if (written === 0) throw new Error('write returned 0 bytes');
        at += written;
        pending = remainingAfter(pending, written);
      }
      return;
    }
    let at = position;
    while (pending.length > 0) {
      const { bytesWritten } = await this.handle.writev(pending, at);
      // A short write (rare: disk full, signals) leaves the rest for another round.
      if (bytesWritten === 0) throw new Error('write returned 0 bytes');
      at += bytesWritten;
      pending = remainingAfter(pending, bytesWritten);
    }
  }

  async sync(): Promise<void> {
    try {
      await this.handle.datasync();
    } catch (cause) {
      throw storageError('fdatasync', this.path, cause);
    }
  }

  async truncate(size: number): Promise<void> {
    try {
      await this.handle.truncate(size);
    } catch (cause) {
      throw storageError('truncate', this.path, cause);
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** The real storage: node:fs with fdatasync for durability. */
export class NodeStorage implements Storage {
  async open(path: string, options: { create?: boolean } = {}): Promise<StorageFile> {
    try {
      // 'a+' would force every write to the end; 'r+' keeps positioned writes, so create first.
      if (options.create) await (await open(path, 'a')).close();
      return new NodeFile(path, await open(path, 'r+'));
    } catch (cause) {
      throw storageError('open', path, cause);
    }
  }

  async readFile(path: string): Promise<Buffer | undefined> {
    try {
      return await readFile(path);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw storageError('read', path, cause);
    }
  }

  async writeFileAtomic(path: string, data: Buffer): Promise<void> {
    const tmp = `${path}.tmp`;
    try {
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(data);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
    } catch (cause) {
      // Callers (and the engine's error handling) only ever see SpsError.
      throw storageError('writeFileAtomic', path, cause);
    }
    await this.syncDir(dirOf(path));
  }

  async list(dir: string): Promise<string[]> {
    try {
      return await readdir(dir);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw storageError('list', dir, cause);
    }
  }

  async mkdirp(dir: string): Promise<void> {
    let created: string | undefined;
    try {
      created = await mkdir(dir, { recursive: true });
    } catch (cause) {
      throw storageError('mkdir', dir, cause);
    }
    if (created === undefined) return;
    // Every new level's entry lives in its parent: sync each parent from the first directory
    // created down to the leaf, or a crash can lose a whole new path (syncing only the leaf's
    // parent, as before, left the upper levels unsynced).
    const levels = [dir];
    while (levels[0] !== created && dirOf(levels[0]!) !== levels[0])
      levels.unshift(dirOf(levels[0]!));
    for (const level of levels) await this.syncDir(dirOf(level));
  }

  async exists(path: string): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  }

  async remove(path: string): Promise<void> {
    try {
      await rm(path, { force: true });
    } catch (cause) {
      throw storageError('remove', path, cause);
    }
  }

  async removeDir(dir: string): Promise<void> {
    try {
      await rm(dir, { recursive: true, force: true });
    } catch (cause) {
      throw storageError('removeDir', dir, cause);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    try {
      await rename(from, to);
    } catch (cause) {
      throw storageError('rename', `${from} -> ${to}`, cause);
    }
  }

  async syncDir(dir: string): Promise<void> {
    try {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (cause) {
      throw storageError('fsync', dir, cause);
    }
  }
}
