import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { crc32c } from '@shopstream/sps-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeStorage } from '../../storage/node-storage';
import { type StorageFile } from '../../storage/storage';
import { GroupCoordinator } from '../group-coordinator';
import { encodeFrame } from '../offset-entry-codec';
import { DIR, type Harness, openHarness, rejectsWith } from './coordinator-harness';

const LOG = `${DIR}/offsets.log`;
const SNAPSHOT = `${DIR}/offsets.snapshot`;

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.coordinator.close();
});

const commit = (
  groupId: string,
  partition: number,
  index: number,
  metadata: string | null = null,
) =>
  h.coordinator.commitOffsets({
    groupId,
    generationId: -1,
    memberId: '',
    offsets: [{ stream: 'orders', partition, index, metadata }],
  });

const indexes = async (groupId: string): Promise<[number, number, string][]> =>
  (await h.coordinator.fetchOffsets({ groupId, partitions: null })).map((f) => [
    f.partition,
    f.index,
    f.metadata,
  ]);

/** Simulates a power cut, then opens a new coordinator on what survived. */
async function crashAndReopen(tornTail: 'none' | 'partial' | 'garbage' = 'none'): Promise<void> {
  h.storage.crash({ tornTail, random: () => 0.5 });
  h.coordinator = await h.reopen(); // the crashed instance is simply abandoned
}

async function appendRaw(bytes: Buffer, sync: boolean): Promise<void> {
  const file: StorageFile = await h.storage.open(LOG);
  await file.write(await file.size(), [bytes]);
  if (sync) await file.sync();
}

describe('committed-index durability', () => {
  it('keeps indexes across close and reopen', async () => {
    await commit('g', 0, 10, 'meta');
    await commit('g', 1, 20);
    await h.coordinator.close();
    h.coordinator = await h.reopen();
    expect(await indexes('g')).toEqual([
      [0, 10, 'meta'],
      [1, 20, ''],
    ]);
    expect(await h.coordinator.listGroups()).toEqual([
      { groupId: 'g', protocolType: '', state: 'Empty' },
    ]);
  });

  it('keeps every acknowledged commit through a power cut', async () => {
    for (let i = 0; i < 5; i++) await commit('g', i, 100 + i);
    await commit('g', 0, 500);
    await crashAndReopen();
    expect((await indexes('g')).map(([p, i]) => [p, i])).toEqual([
      [0, 500],
      [1, 101],
      [2, 102],
      [3, 103],
      [4, 104],
    ]);
  });

  it.each(['partial', 'garbage'] as const)(
    'ignores and cuts a torn final entry (%s)',
    async (tornTail) => {
      await commit('g', 0, 7);
      const durableLength = h.storage.peek(LOG)!.length;
      // An entry written but not synced when the power went: part of it (or noise) survives.
      const frame = encodeFrame({
        kind: 'commit',
        groupId: 'g',
        stream: 'orders',
        partition: 0,
        offset: { index: 999, leaderEpoch: -1, metadata: '', commitTimestamp: 0 },
      });
      await appendRaw(frame, false);
      await crashAndReopen(tornTail);
      expect(await indexes('g')).toEqual([[0, 7, '']]);
      expect(h.storage.peek(LOG)!.length).toBe(durableLength);
      await commit('g', 1, 8); // appends after the cut, and survives
      await crashAndReopen();
      expect((await indexes('g')).map(([p, i]) => [p, i])).toEqual([
        [0, 7],
        [1, 8],
      ]);
    },
  );

  it('ignores a zero-filled tail, as a file system may leave after a crash', async () => {
    await commit('g', 0, 7);
    await appendRaw(Buffer.alloc(64), true);
    await crashAndReopen();
    expect(await indexes('g')).toEqual([[0, 7, '']]);
  });

  it('makes concurrent commits durable with one sync', async () => {
    await commit('warm-up', 0, 1);
    const before = h.storage.syncCount;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => commit(`g${i}`, i % 5, i)),
    );
    expect(results.flat().every((r) => r.error === undefined)).toBe(true);
    expect(h.storage.syncCount - before).toBe(1);
  });

  it('does not acknowledge (or apply) a commit whose sync failed, and recovers for the next one', async () => {
    await commit('g', 0, 1);
    h.storage.fail('sync', LOG);
    const [failed] = await commit('g', 0, 2);
    expect(failed?.error).toMatchObject({ code: 'SPS_ERR_STORAGE', retriable: true });
    expect(await indexes('g')).toEqual([[0, 1, '']]);
    const [ok] = await commit('g', 1, 3);
    expect(ok?.error).toBeUndefined();
    await crashAndReopen();
    // The failed commit is gone even from disk: the store rewrote itself from what was acknowledged.
    expect((await indexes('g')).map(([p, i]) => [p, i])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  it('fails commits while the store cannot rewrite itself after a failure, then recovers', async () => {
    await commit('g', 0, 1);
    h.storage.fail('sync', LOG);
    h.storage.fail('writeFileAtomic', SNAPSHOT, 2);
    expect((await commit('g', 0, 2))[0]?.error?.code).toBe('SPS_ERR_STORAGE');
    expect((await commit('g', 0, 3))[0]?.error?.code).toBe('SPS_ERR_STORAGE');
    expect((await commit('g', 0, 4))[0]?.error).toBeUndefined();
    await crashAndReopen();
    expect(await indexes('g')).toEqual([[0, 4, '']]);
  });

  it('compacts the log into a snapshot holding only the latest values, which survives reopen and crash', async () => {
    await h.coordinator.close();
    h = await openHarness({ offsetLogCompactionBytes: 600 });
    for (let i = 0; i < 40; i++) await commit(`g${i % 2}`, i % 3, i, `m${i}`);
    await h.coordinator.deleteGroups(['g1']);
    await commit('g0', 4, 1000);
    expect(h.storage.peek(SNAPSHOT)).toBeDefined();
    expect(h.storage.peek(LOG)!.length).toBeLessThan(600);
    // g0 got the even i: its last commit per partition (i % 3) is 36, 34 and 38.
    const expected = [
      [0, 36, 'm36'],
      [1, 34, 'm34'],
      [2, 38, 'm38'],
      [4, 1000, ''],
    ];
    expect(await indexes('g0')).toEqual(expected);
    await h.coordinator.close();
    h.coordinator = await h.reopen();
    expect(await indexes('g0')).toEqual(expected);
    expect(await indexes('g1')).toEqual([]);
    await crashAndReopen();
    expect(await indexes('g0')).toEqual(expected);
    expect((await h.coordinator.listGroups()).map((g) => g.groupId)).toEqual(['g0']);
  });

  it('refuses to open a store written by a newer format instead of skipping entries', async () => {
    await commit('g', 0, 1);
    await h.coordinator.close();
    // A well-formed frame (valid CRC) whose version byte is from the future.
    const frame = encodeFrame({ kind: 'delete', groupId: 'g', stream: 'orders', partition: 0 });
    frame[8] = 2;
    frame.writeUInt32BE(crc32c(frame.subarray(8)), 4);
    await appendRaw(frame, true);
    await rejectsWith(h.reopen(), 'SPS_ERR_STORAGE');
    h.coordinator = await openHarness().then((fresh) => fresh.coordinator); // for afterEach
  });

  it('refuses to open on a corrupt snapshot', async () => {
    await h.coordinator.close();
    h = await openHarness({ offsetLogCompactionBytes: 1 });
    await commit('g', 0, 1); // compacts at once
    await h.coordinator.close();
    h.storage.flipBit(SNAPSHOT, 20);
    await rejectsWith(h.reopen(), 'SPS_ERR_STORAGE');
    h.coordinator = await openHarness().then((fresh) => fresh.coordinator);
  });
});

describe('committed-index store on the real file system', () => {
  it('commits, compacts, cuts a torn tail and reopens with NodeStorage', async () => {
    const root = await mkdtemp(`${tmpdir()}/sps-coordinator-`);
    const options = {
      dir: `${root}/coordinator`,
      storage: new NodeStorage(),
      clock: h.clock,
      logView: h.logView,
      offsetLogCompactionBytes: 2_000,
    };
    try {
      let c = await GroupCoordinator.open(options);
      for (let i = 0; i < 50; i++) {
        await c.commitOffsets({
          groupId: 'g',
          generationId: -1,
          memberId: '',
          offsets: [{ stream: 'orders', partition: i % 5, index: i, metadata: `m${i}` }],
        });
      }
      await c.close();
      await appendFile(`${root}/coordinator/offsets.log`, Buffer.from([0, 0, 0, 40, 1, 2])); // torn
      c = await GroupCoordinator.open(options);
      const fetched = await c.fetchOffsets({ groupId: 'g', partitions: null });
      expect(fetched.map((f) => [f.partition, f.index, f.metadata])).toEqual([
        [0, 45, 'm45'],
        [1, 46, 'm46'],
        [2, 47, 'm47'],
        [3, 48, 'm48'],
        [4, 49, 'm49'],
      ]);
      await c.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
