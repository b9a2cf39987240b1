/**
 * `npm run bench:engine` — durable append and consume throughput of the SPS engine, side by
 * side with a raw append + fdatasync loop on the same disk (the physical reference).
 *
 * 1 KiB records; commit sizes 1, 100 and 1000 records per append; fsync 'always' and 'never';
 * 1 and 6 partitions. Prints a table and writes bench/results/engine.json.
 * Environment: BENCH_SECONDS (time per case, default 2), BENCH_DIR (default: a temp dir).
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecordBatch } from '@shopstream/sps-core';
import { Engine, type FsyncPolicy } from '@shopstream/sps-log';
import { writeResults, type Row } from './report';

const RECORD_BYTES = 1024;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 2);
const COMMIT_SIZES = [1, 100, 1000];

const value = Buffer.alloc(RECORD_BYTES, 'x');

/** Runs `step` (which handles `perStep` records) until the time is up; returns records/s. */
async function timed(perStep: number, step: () => Promise<void>): Promise<number> {
  const deadline = performance.now() + SECONDS * 1000;
  const start = performance.now();
  let records = 0;
  while (performance.now() < deadline) {
    await step();
    records += perStep;
  }
  return records / ((performance.now() - start) / 1000);
}

async function rawLoop(dir: string, commitSize: number): Promise<number> {
  const file = await open(join(dir, `raw-${commitSize}.log`), 'w');
  const chunk = Buffer.alloc(commitSize * (RECORD_BYTES + 70), 'x'); // ~ the same bytes as a batch
  let position = 0;
  try {
    return await timed(commitSize, async () => {
      await file.write(chunk, 0, chunk.length, position);
      position += chunk.length;
      await file.datasync();
    });
  } finally {
    await file.close();
  }
}

async function engineAppend(
  dir: string,
  fsync: FsyncPolicy,
  commitSize: number,
  partitions: number,
): Promise<{ appendRate: number; consumeRate: number }> {
  const engine = await Engine.open({ dataDir: dir, fsync });
  try {
    await engine.createStream('bench', { partitions });
    const batch = encodeRecordBatch(Array.from({ length: commitSize }, () => ({ value })));
    // One producer per partition, each awaiting its own acknowledgement (no pipelining), so
    // "commit size" means records per durable acknowledgement.
    const rates = await Promise.all(
      Array.from({ length: partitions }, (_, p) =>
        timed(commitSize, async () => {
          await engine.append('bench', p, Buffer.from(batch));
        }),
      ),
    );
    const appendRate = rates.reduce((a, b) => a + b, 0);

    const start = performance.now();
    let consumed = 0;
    for (let p = 0; p < partitions; p++) {
      let index = 0;
      const hw = engine.watermarks('bench', p).highWatermark;
      while (index < hw) {
        const { records } = await engine.readRecords('bench', p, index, { maxBytes: 1 << 20 });
        consumed += records.length;
        index = records.at(-1)!.index + 1;
      }
    }
    const consumeRate = consumed / ((performance.now() - start) / 1000);
    return { appendRate, consumeRate };
  } finally {
    await engine.close();
  }
}

async function main(): Promise<void> {
  const root = process.env['BENCH_DIR'] ?? (await mkdtemp(join(tmpdir(), 'sps-bench-')));
  const rows: Row[] = [];
  try {
    for (const commitSize of COMMIT_SIZES) {
      const raw = await rawLoop(root, commitSize);
      rows.push({
        case: 'raw append+fdatasync',
        commitSize,
        partitions: 1,
        fsync: 'always',
        appendPerSec: raw,
      });
      for (const fsync of ['always', 'never'] as const) {
        for (const partitions of [1, 6]) {
          const dir = join(root, `engine-${fsync}-${commitSize}-${partitions}`);
          const r = await engineAppend(dir, fsync, commitSize, partitions);
          rows.push({
            case: 'engine append',
            commitSize,
            partitions,
            fsync,
            appendPerSec: r.appendRate,
            consumePerSec: r.consumeRate,
            vsRaw: fsync === 'always' ? r.appendRate / raw : undefined,
          });
          await rm(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    if (!process.env['BENCH_DIR']) await rm(root, { recursive: true, force: true });
  }
  writeResults('engine', rows, {
    recordBytes: RECORD_BYTES,
    secondsPerCase: SECONDS,
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: availableParallelism(),
    dir: root,
  });
}

void main();
