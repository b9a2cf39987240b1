import { type SpsError } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_INTERVAL_MS } from '../partition-log';
import { PRODUCER_ID_EXPIRATION_MS } from '../producer-state';
import { DIR, expectCode, harness, namedBatch, readAll, T0, values } from './log-fixtures';

const PID = 4242;

/** Batch `n` of a producer: 2 records with sequences 2n and 2n+1. */
const produced = (n: number, epoch = 0, baseSequence = 2 * n) =>
  namedBatch(`p${epoch}-${n}`, 2, { producerId: PID, producerEpoch: epoch, baseSequence });

describe('idempotent producer', () => {
  it('a retried batch is a duplicate: nothing appended, the original indexes returned', async () => {
    const log = await harness().open();
    await log.append(namedBatch('other', 3));
    const original = await log.append(produced(0));
    await log.append(produced(1));
    const retry = await log.append(produced(0));
    expect(retry).toEqual({ ...original, duplicate: true });
    expect(log.highWatermark).toBe(7);
    expect(values(await readAll(log))).toEqual([
      'other-0',
      'other-1',
      'other-2',
      'p0-0-0',
      'p0-0-1',
      'p0-1-0',
      'p0-1-1',
    ]);
    await log.close();
  });

  it('remembers the last 5 batches of a producer', async () => {
    const log = await harness().open();
    const results = [];
    for (let n = 0; n < 7; n++) results.push(await log.append(produced(n)));
    for (let n = 2; n < 7; n++) {
      expect(await log.append(produced(n))).toEqual({ ...results[n], duplicate: true });
    }
    // The 6th-oldest is forgotten: now it is just a sequence from the past.
    await expectCode(log.append(produced(1)), 'SPS_ERR_OUT_OF_ORDER_SEQUENCE');
    await log.close();
  });

  it('a sequence gap is out of order, with the expected sequence in the context', async () => {
    const log = await harness().open();
    await log.append(produced(0));
    const error = (await expectCode(
      log.append(produced(2)),
      'SPS_ERR_OUT_OF_ORDER_SEQUENCE',
    )) as SpsError;
    expect(error.context).toMatchObject({ producerId: PID, firstSequence: 4, expectedSequence: 2 });
    expect(log.highWatermark).toBe(2);
    await log.append(produced(1));
    expect(log.highWatermark).toBe(4);
    await log.close();
  });

  it('an older epoch is fenced; a newer epoch must start at sequence 0', async () => {
    const log = await harness().open();
    await log.append(produced(0, 3));
    await expectCode(log.append(produced(1, 2)), 'SPS_ERR_INVALID_PRODUCER_EPOCH');
    await expectCode(log.append(produced(5, 4)), 'SPS_ERR_OUT_OF_ORDER_SEQUENCE');
    await log.append(produced(0, 4));
    await expectCode(log.append(produced(1, 3)), 'SPS_ERR_INVALID_PRODUCER_EPOCH');
    await log.append(produced(1, 4));
    expect(log.highWatermark).toBe(6);
    await log.close();
  });

  it('an unknown producer may start at any sequence; producer id -1 is never checked', async () => {
    const log = await harness().open();
    expect(await log.append(produced(50))).toMatchObject({ baseIndex: 0, duplicate: false });
    expect(await log.append(produced(51))).toMatchObject({ baseIndex: 2 });
    const plain = namedBatch('plain', 1);
    await log.append(plain);
    expect(await log.append(plain)).toMatchObject({ baseIndex: 5, duplicate: false });
    await log.close();
  });

  it('sequences wrap from 2^31 - 1 to 0', async () => {
    const log = await harness().open();
    const top = 0x7fffffff - 1; // records at 2^31-2 and 2^31-1
    await log.append(namedBatch('w', 2, { producerId: PID, baseSequence: top }));
    await log.append(namedBatch('x', 2, { producerId: PID, baseSequence: 0 }));
    expect(log.highWatermark).toBe(4);
    expect(
      await log.append(namedBatch('w', 2, { producerId: PID, baseSequence: top })),
    ).toMatchObject({ duplicate: true, baseIndex: 0 });
    await log.close();
  });

  it('pipelined batches (5 in flight) are checked in arrival order, counting those not yet durable', async () => {
    const log = await harness().open();
    const inFlight = [0, 1, 2, 3, 4].map((n) => log.append(produced(n)));
    // A retry of batch 2 arriving while the originals are still in flight.
    const retry = log.append(produced(2));
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.baseIndex)).toEqual([0, 2, 4, 6, 8]);
    expect(await retry).toEqual({ ...results[2], duplicate: true });
    expect(log.highWatermark).toBe(10);
    await log.close();
  });

  it('a record set mixing a stored batch with a new one is rejected whole', async () => {
    const log = await harness().open();
    await log.append(produced(0));
    await expectCode(
      log.append(Buffer.concat([produced(0), produced(1)])),
      'SPS_ERR_OUT_OF_ORDER_SEQUENCE',
    );
    expect(log.highWatermark).toBe(2);
    await log.close();
  });

  it('survives a clean reopen: a retried duplicate after restart is still detected', async () => {
    const h = harness();
    const log = await h.open();
    const original = await log.append(produced(0));
    await log.append(produced(1));
    await log.close();
    const reopened = await h.open();
    expect(reopened.recovery.replayedBatches).toBe(0);
    expect(await reopened.append(produced(1))).toMatchObject({ baseIndex: 2, duplicate: true });
    expect(await reopened.append(produced(0))).toEqual({ ...original, duplicate: true });
    await expectCode(reopened.append(produced(3)), 'SPS_ERR_OUT_OF_ORDER_SEQUENCE');
    await reopened.close();
  });

  it('survives a crash: state is rebuilt from the snapshot plus the batches after it', async () => {
    const h = harness();
    const log = await h.open();
    await log.append(produced(0));
    h.clock.advance(CHECKPOINT_INTERVAL_MS); // a checkpoint (with a snapshot) after batch 0
    await log.append(produced(1));
    await log.append(produced(2));
    h.storage.crash();
    const reopened = await h.open();
    expect(reopened.recovery.replayedBatches).toBe(2);
    expect(await reopened.append(produced(0))).toMatchObject({ baseIndex: 0, duplicate: true });
    expect(await reopened.append(produced(2))).toMatchObject({ baseIndex: 4, duplicate: true });
    expect(await reopened.append(produced(3))).toMatchObject({ baseIndex: 6, duplicate: false });
    await reopened.close();
  });

  it('rebuilds the state from the log when the snapshot is unreadable', async () => {
    const h = harness();
    const log = await h.open();
    for (let n = 0; n < 4; n++) await log.append(produced(n));
    await log.close();
    h.storage.flipBit(`${DIR}/producer-state.meta`, 20);
    const reopened = await h.open();
    expect(reopened.recovery.replayedBatches).toBe(4);
    expect(reopened.recovery.notes.join()).toMatch(/producer snapshot unreadable/);
    expect(await reopened.append(produced(3))).toMatchObject({ baseIndex: 6, duplicate: true });
    await reopened.close();
  });

  it('forgets producers silent for producer.id.expiration.ms at retention time', async () => {
    const h = harness();
    const log = await h.open();
    await log.append(produced(0));
    h.clock.set(T0 + PRODUCER_ID_EXPIRATION_MS + 1);
    await log.enforceRetention();
    // Unknown again: any sequence goes (modern Kafka answers the same way).
    expect(await log.append(produced(9))).toMatchObject({ duplicate: false });
    await log.close();
  });
});
