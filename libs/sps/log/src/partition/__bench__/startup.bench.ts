/**
 * Startup time of a partition log holding a million records, on real disk (NodeStorage):
 *
 *   node --import tsx libs/sps/log/src/partition/__bench__/startup.bench.ts
 *
 * Two shapes: 1,000,000 one-record batches (the worst case for indexes and scans) and 10,000
 * batches of 100 records. Segments of 64 MiB (the engine's default). For each it measures:
 * - clean:    open after close() (indexes and producer snapshot trusted, nothing scanned);
 * - crash:    open without the clean-shutdown marker, the last checkpoint at the end (a crash
 *             right after a checkpoint: nothing left to scan);
 * - worst:    no marker, no checkpoint and no index files for the active segment (a crash
 *             before the first checkpoint of a full 64 MiB segment: the whole segment scanned);
 * - rebuild:  every index file deleted (everything scanned and rebuilt).
 * Env: BENCH_DIR (default: a temp dir), BENCH_RECORDS (default 1,000,000).
 */
import { mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecordBatch } from '@shopstream/sps-core';
import { systemClock } from '../../clock';
import { NodeStorage } from '../../storage/node-storage';
import { PartitionLog, type PartitionLogOptions } from '../partition-log';

const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 1_000_000);

function options(dir: string): PartitionLogOptions {
  return {
    dir,
    name: 'bench-0',
    storage: new NodeStorage(),
    clock: systemClock,
    config: {
      ttlMs: -1,
      retentionBytes: -1,
      segmentBytes: 64 * 1024 * 1024,
      segmentMs: 7 * 24 * 3600 * 1000,
      maxBatchBytes: 1_048_588,
    },
    fsync: 'never',
  };
}

async function build(dir: string, perBatch: number): Promise<number> {
  const log = await PartitionLog.open(options(dir));
  const started = performance.now();
  const inFlight = 2000;
  for (let n = 0; n < RECORDS / perBatch; n += inFlight) {
    const appends: Array<Promise<unknown>> = [];
    for (let k = n; k < Math.min(n + inFlight, RECORDS / perBatch); k++) {
      const batch = encodeRecordBatch(
        Array.from({ length: perBatch }, (_, r) => ({
          key: Buffer.from(`ord_${k}_${r}`),
          value: Buffer.from(`{"orderId":"ord_${k}_${r}","totalCents":1999}`),
        })),
        { producerId: 1, baseSequence: (k * perBatch) % 0x7fffffff },
      );
      appends.push(log.append(batch));
    }
    await Promise.all(appends);
  }
  const ms = performance.now() - started;
  console.log(
    `  built: ${log.highWatermark} records, ${(log.sizeBytes / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms`,
  );
  await log.close();
  return log.highWatermark;
}

async function timedOpen(dir: string, label: string, expected: number): Promise<void> {
  const started = performance.now();
  const log = await PartitionLog.open(options(dir));
  const ms = performance.now() - started;
  if (log.failure || log.highWatermark !== expected)
    throw new Error(`${label}: ${log.failure?.message ?? log.highWatermark}`);
  const r = log.recovery;
  console.log(
    `  ${label.padEnd(8)} ${ms.toFixed(1).padStart(8)} ms   scanned ${(r.scannedBytes / 1e6).toFixed(1)} MB, rebuilt ${r.rebuiltIndexes} index(es), replayed ${r.replayedBatches} producer batches`,
  );
  await log.close();
}

async function remove(dir: string, predicate: (name: string) => boolean): Promise<void> {
  for (const name of await readdir(dir)) if (predicate(name)) await unlink(join(dir, name));
}

async function main(): Promise<void> {
  const root = process.env['BENCH_DIR'] ?? (await mkdtemp(join(tmpdir(), 'sps-startup-')));
  try {
    for (const perBatch of [1, 100]) {
      console.log(`${RECORDS} records, ${perBatch} per batch:`);
      const dir = join(root, `per-batch-${perBatch}`);
      const hw = await build(dir, perBatch);
      await timedOpen(dir, 'clean', hw);
      await remove(dir, (n) => n === 'clean-shutdown.meta');
      await timedOpen(dir, 'crash', hw);
      const logs = (await readdir(dir)).filter((n) => n.endsWith('.log')).sort();
      const active = logs[logs.length - 1]!.slice(0, 20);
      await remove(
        dir,
        (n) =>
          n === 'clean-shutdown.meta' ||
          n === 'recovery-checkpoint.meta' ||
          (n.startsWith(`${active}.`) && !n.endsWith('.log')),
      );
      await timedOpen(dir, 'worst', hw);
      await remove(
        dir,
        (n) => n.endsWith('.index') || n.endsWith('.timeindex') || n.endsWith('.meta'),
      );
      await timedOpen(dir, 'rebuild', hw);
    }
  } finally {
    if (!process.env['BENCH_DIR']) await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
