/**
 * The process crash.spec.ts kills. Opens the partition log in `argv[2]` on real disk
 * (NodeStorage, fsync 'always'), prints `ready <highWatermark>`, then appends forever from 4
 * concurrent writers (so group commit and segment rolls happen) and prints one line per
 * acknowledged append: `ack <baseIndex> <lastIndex> <id>`. Record k of append `id` has the
 * value `<id>:<k>:<padding>`. A line is printed only after the append resolved, i.e. once
 * the records are durable, which is exactly what the parent then checks after SIGKILL.
 *
 * Run with: node --import tsx crash-child.ts <dir> <cycle>
 */
import { encodeRecordBatch } from '@shopstream/sps-core';
import { systemClock } from '../../clock';
import { NodeStorage } from '../../storage/node-storage';
import { PartitionLog } from '../partition-log';

const WRITERS = 4;

async function main(): Promise<void> {
  const [dir, cycle] = process.argv.slice(2);
  if (!dir || !cycle) throw new Error('usage: crash-child.ts <dir> <cycle>');
  const log = await PartitionLog.open({
    dir,
    name: 'crash-0',
    storage: new NodeStorage(),
    clock: systemClock,
    config: {
      ttlMs: -1,
      retentionBytes: -1,
      segmentBytes: 48 * 1024,
      segmentMs: 7 * 24 * 3600 * 1000,
      maxBatchBytes: 1_048_588,
    },
    fsync: 'always',
    indexIntervalBytes: 1024,
  });
  if (log.failure) throw log.failure;
  process.stdout.write(`ready ${log.highWatermark}\n`);
  let next = 0;
  const writer = async (): Promise<void> => {
    for (;;) {
      const n = next++;
      const id = `c${cycle}-${n}`;
      const count = 1 + (n % 3);
      const pad = 'x'.repeat(Math.floor(Math.random() * 1500));
      const batch = encodeRecordBatch(
        Array.from({ length: count }, (_, k) => ({
          key: Buffer.from(id),
          value: Buffer.from(`${id}:${k}:${pad}`),
        })),
      );
      const r = await log.append(batch);
      process.stdout.write(`ack ${r.baseIndex} ${r.lastIndex} ${id}\n`);
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `crash-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
