/**
 * The storage port: every byte the engine reads or writes goes through this small interface.
 * `NodeStorage` is the real implementation (node:fs, fdatasync); `MemoryStorage` keeps files in
 * memory and can fail a write, a read or a sync on demand, lose everything not yet synced
 * (a simulated power cut), tear the unsynced tail and flip bits — the tests' way to prove
 * recovery and fsync-failure handling without a real crash.
 *
 * Paths are plain strings joined with '/', relative to nothing in particular: the engine
 * passes absolute paths under its data directory.
 */

/** An open file, read and written at explicit positions (no shared file cursor). */
export interface StorageFile {
  readonly path: string;
  /** Current size in bytes, including writes not yet synced. */
  size(): Promise<number>;
  /** Reads up to `length` bytes at `position`; fewer at the end of the file. */
  read(position: number, length: number): Promise<Buffer>;
  /** Writes every byte of `chunks`, in order, starting at `position`. */
  write(position: number, chunks: readonly Buffer[]): Promise<void>;
  /** Makes every write so far durable (fdatasync). A failure here is fatal for the caller. */
  sync(): Promise<void>;
  /** Cuts the file to `size` bytes (recovery of a torn tail). */
  truncate(size: number): Promise<void>;
  close(): Promise<void>;
}

export interface Storage {
  /** Opens a file for reading and writing, creating it when `create` is set. */
  open(path: string, options?: { create?: boolean }): Promise<StorageFile>;
  /** The whole file, or `undefined` when it does not exist. */
  readFile(path: string): Promise<Buffer | undefined>;
  /**
   * Replaces `path` with `data` atomically and durably: write a temporary file, sync it,
   * rename it over `path`, sync the directory. After a crash the file is old or new, never torn.
   */
  writeFileAtomic(path: string, data: Buffer): Promise<void>;
  /** Names (not paths) of the entries in `dir`; empty when it does not exist. */
  list(dir: string): Promise<string[]>;
  /** Creates `dir` and its parents; syncs the parent so the new entry survives a crash. */
  mkdirp(dir: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** Removes a file; no error when it is already gone. */
  remove(path: string): Promise<void>;
  /** Removes a directory and everything in it; no error when it is already gone. */
  removeDir(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Makes directory entries (created, renamed, removed files) durable. */
  syncDir(dir: string): Promise<void>;
}

/** `a/b` + `c` → `a/b/c` (storage paths always use '/'). */
export function joinPath(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}

/** The directory part of a storage path. */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}
