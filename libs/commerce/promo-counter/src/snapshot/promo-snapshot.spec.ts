import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '@shopstream/sps-testing';
import { type TallyState } from '../counting/promo-count.types';
import {
  SNAPSHOT_FORMAT,
  SnapshotFormatError,
  parseSnapshot,
  toSnapshot,
  toTallyState,
} from './promo-snapshot';
import { SNAPSHOT_FILE, SnapshotFileStore } from './snapshot-file.store';

const state: TallyState = {
  positions: { 0: 42, 2: 7 },
  promos: [
    {
      code: 'WELCOME10',
      orders: 1,
      totalCents: 900,
      discountCents: 100,
      lastOrderAt: '2026-11-25T10:00:00.000Z',
    },
  ],
  withoutCode: { orders: 0, totalCents: 0, discountCents: 0 },
  orderIds: ['ord_1'],
  skippedRecords: 3,
};

describe('the snapshot format', () => {
  it('round-trips a tally state with its format and version', () => {
    const snapshot = toSnapshot('orders', state, new Date('2026-11-25T20:00:00Z'));
    expect(snapshot).toMatchObject({
      format: SNAPSHOT_FORMAT,
      version: 1,
      stream: 'orders',
      takenAt: '2026-11-25T20:00:00.000Z',
      positions: { '0': 42, '2': 7 },
    });
    expect(toTallyState(parseSnapshot(JSON.stringify(snapshot)))).toEqual(state);
  });

  it('refuses another version, another format, broken fields and non-JSON, saying why', () => {
    const good = toSnapshot('orders', state);
    expect(() => parseSnapshot(JSON.stringify({ ...good, version: 2 }))).toThrow(
      /version 2 is not one this build reads/,
    );
    expect(() => parseSnapshot(JSON.stringify({ ...good, format: 'other' }))).toThrow(
      SnapshotFormatError,
    );
    expect(() => parseSnapshot(JSON.stringify({ ...good, positions: { x: 1 } }))).toThrow(
      /positions/,
    );
    expect(() => parseSnapshot(JSON.stringify({ ...good, orderIds: undefined }))).toThrow(
      /orderIds/,
    );
    expect(() => parseSnapshot('{"version": 1, "format"')).toThrow(/not JSON/);
  });
});

describe('SnapshotFileStore', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await tempDir('promo-snapshot-');
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('has nothing before the first save, creates its directory, and replaces the file whole', async () => {
    const store = new SnapshotFileStore(join(dir.path, 'var', 'promo-counter'));
    expect(await store.load()).toBeNull();
    await store.save(toSnapshot('orders', state));
    await store.save(toSnapshot('orders', { ...state, skippedRecords: 4 }));
    expect((await store.load())?.skippedRecords).toBe(4);
    // Only the snapshot: no temporary file is left behind.
    expect(await readdir(store.dir)).toEqual([SNAPSHOT_FILE]);
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('sets a file it cannot read aside', async () => {
    const store = new SnapshotFileStore(dir.path);
    await writeFile(store.path, 'garbage');
    await expect(store.load()).rejects.toBeInstanceOf(SnapshotFormatError);
    expect(await store.setAside()).toBe(`${store.path}.rejected`);
    expect(await store.load()).toBeNull();
  });
});
