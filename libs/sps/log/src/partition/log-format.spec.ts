import { hasSpsCode } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import {
  decodeEnvelope,
  encodeCheckpoint,
  encodeEnvelope,
  encodeOffsetIndexFile,
  parseCheckpoint,
  parseSegmentFileName,
  readSegmentIndexFiles,
  segmentFileName,
  writeSegmentIndexFiles,
} from './log-format';
import { MemoryStorage } from '../storage/memory-storage';
import { OffsetIndex, TimeIndex } from './sparse-index';

describe('partition file format', () => {
  it('names segments by their base index in 20 digits, like Kafka', () => {
    expect(segmentFileName(42, '.log')).toBe('00000000000000000042.log');
    expect(parseSegmentFileName('00000000000000000042.log')).toBe(42);
    expect(parseSegmentFileName('00000000000000000042.index')).toBeUndefined();
    expect(parseSegmentFileName('42.log')).toBeUndefined();
  });

  it('round-trips an envelope and rejects torn or rotten ones', () => {
    const checkpoint = { segmentBase: 10, position: 4096, nextIndex: 77, firstAppendAt: 123 };
    const bytes = encodeCheckpoint(checkpoint);
    expect(decodeEnvelope(bytes, 'SPSR', 'f', parseCheckpoint)).toEqual({
      ok: true,
      value: checkpoint,
    });
    expect(
      decodeEnvelope(bytes.subarray(0, bytes.length - 1), 'SPSR', 'f', parseCheckpoint).ok,
    ).toBe(false);
    const rotten = Buffer.from(bytes);
    rotten[20]! ^= 0x10;
    expect(decodeEnvelope(rotten, 'SPSR', 'f', parseCheckpoint)).toEqual({
      ok: false,
      problem: 'CRC32C mismatch',
    });
    expect(decodeEnvelope(bytes, 'SPSL', 'f', parseCheckpoint).ok).toBe(false);
  });

  it('refuses a newer version than it knows, naming the file', () => {
    const bytes = encodeEnvelope('SPSR', Buffer.alloc(32));
    bytes.writeUInt16BE(2, 4);
    let error: unknown;
    try {
      decodeEnvelope(bytes, 'SPSR', '/d/recovery-checkpoint.meta', parseCheckpoint);
    } catch (e) {
      error = e;
    }
    expect(hasSpsCode(error, 'SPS_ERR_PARTITION_FAILED')).toBe(true);
    expect(error).toMatchObject({
      context: { file: '/d/recovery-checkpoint.meta', version: 2, supported: 1 },
    });
  });

  it('writes and reads back both index files of a segment', async () => {
    const storage = new MemoryStorage();
    await storage.mkdirp('/p');
    const offsets = new OffsetIndex();
    offsets.append(3, 300);
    offsets.append(9, 700);
    const times = new TimeIndex();
    times.maybeAppend(1000, 0);
    times.maybeAppend(2000, 9);
    const summary = {
      baseIndex: 100,
      nextIndex: 112,
      logSize: 900,
      maxTimestamp: 2000,
      firstAppendAt: 5,
    };
    await writeSegmentIndexFiles(storage, '/p', summary, offsets, times);
    const read = await readSegmentIndexFiles(storage, '/p', 100);
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.value).toMatchObject(summary);
    expect([...read.value.offsets.rel]).toEqual([3, 9]);
    expect([...read.value.times.ts]).toEqual([1000, 2000]);
    // An entry past the data it claims to index makes the file unusable (rebuilt by scanning).
    await storage.writeFileAtomic(
      '/p/00000000000000000100.index',
      encodeOffsetIndexFile({ ...summary, logSize: 500 }, offsets),
    );
    expect((await readSegmentIndexFiles(storage, '/p', 100))?.ok).toBe(false);
    expect(await readSegmentIndexFiles(storage, '/p', 7)).toBeUndefined();
  });
});
