// Temporary directories for engine data in tests: one per test, removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A directory that exists until `remove()`. */
export interface TempDir {
  readonly path: string;
  /** Deletes the directory and everything in it; safe to call twice. */
  remove(): Promise<void>;
}

/**
 * Creates a new empty directory under the OS temp directory.
 *
 * @param prefix Start of the directory's name, to tell whose it is. @default 'sps-test-'
 * @example
 * ```ts
 * const dir = await tempDir('sps-engine-');
 * const engine = await Engine.open({ dataDir: dir.path });
 * // ... afterEach: await engine.close(); await dir.remove();
 * ```
 */
export async function tempDir(prefix = 'sps-test-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
