/**
 * The durability steps of a partition log, in the order that keeps recovery sound. Each is
 * called from the partition's serial queue only.
 *
 * - sync: fdatasync the segment; `durableSize` records how far the disk has it.
 * - seal (at roll): sync, then the segment's index files. A segment with a successor is thus
 *   always fully synced — why only the last segment can ever have a torn tail.
 * - recovery checkpoint: active segment's index files, producer snapshot, then the checkpoint
 *   file, last, so it never claims more than the others cover. Needs the active segment synced.
 * - removal (retention, DeleteRecords): the segment is marked deleted first (readers retry),
 *   then its files go, then the directory is synced.
 */
import { type Storage } from '../storage/storage';
import { writeCheckpoint, writeSegmentIndexFiles } from './log-format';
import { type ProducerStateTable, writeProducerSnapshot } from './producer-state';
import { type Segment } from './segment';

export async function syncSegment(storage: Storage, segment: Segment): Promise<void> {
  if (segment.durableSize === segment.size) return;
  const size = segment.size;
  await (await segment.handle(storage)).sync();
  segment.durableSize = size;
}

/** Makes a segment immutable on disk: synced, with index files covering all of it. */
export async function sealSegment(storage: Storage, dir: string, segment: Segment): Promise<void> {
  await syncSegment(storage, segment);
  segment.completeTimeIndex();
  await writeSegmentIndexFiles(
    storage,
    dir,
    segment.summary(),
    segment.offsetIndex,
    segment.timeIndex,
  );
}

export async function writeRecoveryCheckpoint(
  storage: Storage,
  dir: string,
  active: Segment,
  producers: ProducerStateTable,
): Promise<void> {
  if (active.durableSize !== active.size) throw new Error('checkpoint of an unsynced segment');
  if (active.size > 0) {
    active.completeTimeIndex();
    await writeSegmentIndexFiles(
      storage,
      dir,
      active.summary(),
      active.offsetIndex,
      active.timeIndex,
    );
  }
  await writeProducerSnapshot(storage, dir, producers, active.nextIndex);
  await writeCheckpoint(storage, dir, {
    segmentBase: active.baseIndex,
    position: active.size,
    nextIndex: active.nextIndex,
    firstAppendAt: active.firstAppendAt ?? -1,
  });
}

export async function removeSegments(
  storage: Storage,
  dir: string,
  doomed: readonly Segment[],
): Promise<void> {
  for (const segment of doomed) segment.markDeleted();
  for (const segment of doomed) {
    await storage.remove(segment.logPath);
    await storage.remove(segment.indexPath);
    await storage.remove(segment.timeIndexPath);
  }
  await storage.syncDir(dir);
}
