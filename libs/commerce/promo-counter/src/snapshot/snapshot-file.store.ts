/**
 * The snapshot on disk: `<dir>/promo-counter.snapshot.json` (format: promo-snapshot.ts).
 *
 * Written atomically: the JSON goes to a temporary file in the same directory, which is
 * fsynced, then renamed over the snapshot, then the directory is fsynced. A crash at any point
 * leaves either the previous snapshot or the new one, never a torn file (rename is atomic
 * within a file system; the fsyncs make the content and the rename durable, in that order).
 * A temporary file a crash left behind is ignored and replaced by the next save.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type PromoSnapshot, parseSnapshot } from './promo-snapshot';

export const SNAPSHOT_FILE = 'promo-counter.snapshot.json';

export class SnapshotFileStore {
  /** The snapshot's path. */
  readonly path: string;

  /** @param dir Created on the first save if missing. */
  constructor(readonly dir: string) {
    this.path = join(dir, SNAPSHOT_FILE);
  }

  /**
   * The stored snapshot, or `null` when there is none.
   *
   * @throws SnapshotFormatError when the file is not a snapshot this build reads.
   */
  async load(): Promise<PromoSnapshot | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseSnapshot(text);
  }

  /** Replaces the snapshot atomically (see the file header); resolves once it is durable. */
  async save(snapshot: PromoSnapshot): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = join(this.dir, `.${SNAPSHOT_FILE}.${randomUUID()}.tmp`);
    try {
      const file = await open(tmp, 'w', 0o644);
      try {
        await file.writeFile(JSON.stringify(snapshot), 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, this.path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    await syncDirectory(this.dir);
  }

  /**
   * Moves a snapshot that could not be loaded to `<file>.rejected` (kept for a look; the next
   * save writes a good one), so it is not read again.
   */
  async setAside(): Promise<string> {
    const aside = `${this.path}.rejected`;
    await rename(this.path, aside);
    return aside;
  }
}

/** fsync of a directory: makes a rename in it durable (Linux; a no-op error elsewhere). */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory (Windows): the rename is then as durable as the
    // file system makes it on its own.
  } finally {
    await handle.close();
  }
}
