import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeFrame, encodeSnapshot, readFrames } from './offset-entry-codec';
import { type OffsetOp } from './offset-table';

const commit: OffsetOp = {
  kind: 'commit',
  groupId: 'mailer',
  stream: 'orders',
  partition: 3,
  offset: { index: 2 ** 40, leaderEpoch: 7, metadata: 'héllo', commitTimestamp: 1_700_000_000_123 },
};
const tombstone: OffsetOp = { kind: 'delete', groupId: 'mailer', stream: 'orders', partition: 3 };

function readAll(bytes: Buffer): { ops: OffsetOp[]; end: number } {
  const ops: OffsetOp[] = [];
  const end = readFrames(bytes, 0, (op) => ops.push(op));
  return { ops, end };
}

describe('committed-index frames', () => {
  it('round-trip commits and tombstones', () => {
    const bytes = Buffer.concat([encodeFrame(commit), encodeFrame(tombstone)]);
    expect(readAll(bytes)).toEqual({ ops: [commit, tombstone], end: bytes.length });
  });

  it('stop at the first incomplete or corrupt frame', () => {
    const one = encodeFrame(commit);
    const two = Buffer.concat([one, encodeFrame(tombstone)]);
    for (let cut = one.length; cut < two.length; cut++) {
      expect(readAll(two.subarray(0, cut)).end).toBe(one.length);
    }
    const flipped = Buffer.from(two);
    flipped[one.length + 12]! ^= 0x40;
    expect(readAll(flipped)).toEqual({ ops: [commit], end: one.length });
  });

  it('snapshot round-trips rows and detects a missing or damaged entry', () => {
    const rows = [
      {
        groupId: 'a',
        stream: 's',
        partition: 0,
        offset: { index: 1, leaderEpoch: -1, metadata: '', commitTimestamp: 5 },
      },
      {
        groupId: 'b',
        stream: 't',
        partition: 9,
        offset: { index: 2, leaderEpoch: 0, metadata: 'x', commitTimestamp: 6 },
      },
    ];
    const snapshot = encodeSnapshot(rows);
    const ops: OffsetOp[] = [];
    decodeSnapshot(snapshot, (op) => ops.push(op));
    expect(ops).toEqual(rows.map((r) => ({ kind: 'commit', ...r })));
    expect(() =>
      decodeSnapshot(snapshot.subarray(0, snapshot.length - 1), () => undefined),
    ).toThrow(expect.objectContaining({ code: 'SPS_ERR_STORAGE' }));
    expect(() => decodeSnapshot(Buffer.from('nope'), () => undefined)).toThrow(
      expect.objectContaining({ code: 'SPS_ERR_STORAGE' }),
    );
  });
});
