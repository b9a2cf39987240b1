/**
 * Real crashes on a real disk: a child process appends with fsync 'always' and reports every
 * acknowledged append; the parent kills it with SIGKILL at a random moment, reopens the log
 * in-process (an unclean recovery) and checks that every acknowledged record is there, in
 * order and intact, and that reading the whole log serves nothing corrupt. Then again, on the
 * same directory (the next child opens after the parent's clean close).
 *
 * SPS_CRASH_CYCLES=200 runs a longer local soak (default 20 cycles).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock';
import { NodeStorage } from '../../storage/node-storage';
import { PartitionLog } from '../partition-log';
import { readAll, streamConfig } from './log-fixtures';

const CYCLES = Number(process.env.SPS_CRASH_CYCLES ?? 20);
const LOG_LIB = resolve(__dirname, '../../..');
const CHILD = join(__dirname, 'crash-child.ts');

interface Ack {
  baseIndex: number;
  lastIndex: number;
  id: string;
}

/** A child process whose stdout lines we can wait on (no sleeps: we wait for its output). */
class Child {
  readonly lines: string[] = [];
  private stderr = '';
  private partial = '';
  private exited = false;
  private readonly waiters = new Set<() => void>();
  readonly exit: Promise<void>;

  constructor(private readonly proc: ChildProcess) {
    proc.stdout!.setEncoding('utf8');
    proc.stdout!.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop()!;
      this.lines.push(...parts);
      for (const wake of [...this.waiters]) wake();
    });
    proc.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exit = new Promise((done) =>
      proc.on('exit', () => {
        this.exited = true;
        for (const wake of [...this.waiters]) wake();
        done();
      }),
    );
  }

  /** Resolves when `predicate(lines)` holds; rejects if the child dies first. */
  waitFor(predicate: (lines: string[]) => boolean, what: string): Promise<void> {
    return new Promise((resolveWait, reject) => {
      const guard = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), 30_000);
      const finish = (error?: Error): void => {
        clearTimeout(guard);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolveWait();
      };
      const check = (): void => {
        if (predicate(this.lines)) finish();
        else if (this.exited)
          finish(new Error(`child exited while waiting for ${what}: ${this.stderr}`));
      };
      this.waiters.add(check);
      check();
    });
  }

  kill(): Promise<void> {
    this.proc.kill('SIGKILL');
    return this.exit;
  }
}

function acksOf(lines: string[]): Ack[] {
  return lines
    .filter((l) => l.startsWith('ack '))
    .map((l) => {
      const [, base, last, id] = l.split(' ');
      return { baseIndex: Number(base), lastIndex: Number(last), id: id! };
    });
}

describe('crash safety on a real disk', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it(
    `keeps every acknowledged record across ${CYCLES} SIGKILLs`,
    { timeout: Math.max(60_000, CYCLES * 3000) },
    async () => {
      const root = await mkdtemp(join(tmpdir(), 'sps-crash-'));
      dirs.push(root);
      const dir = join(root, 'streams', 'orders', '0');
      const acked: Ack[] = [];
      let truncatedCycles = 0;

      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const child = new Child(
          spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(cycle)], {
            cwd: LOG_LIB,
            env: { ...process.env, TSX_TSCONFIG_PATH: join(LOG_LIB, 'tsconfig.json') },
            stdio: ['ignore', 'pipe', 'pipe'],
          }),
        );
        const wantAcks = 1 + Math.floor(Math.random() * 40);
        await child.waitFor(
          (lines) => acksOf(lines).length >= wantAcks,
          `${wantAcks} acks in cycle ${cycle}`,
        );
        // Kill at a random moment from here: mid-append, mid-sync, mid-roll, between them.
        await new Promise((r) => setTimeout(r, Math.random() * 15));
        await child.kill();
        acked.push(...acksOf(child.lines));

        const log = await PartitionLog.open({
          dir,
          name: 'crash-0',
          storage: new NodeStorage(),
          clock: systemClock,
          config: streamConfig({ segmentBytes: 48 * 1024 }),
          fsync: 'always',
          indexIntervalBytes: 1024,
        });
        try {
          expect(log.failure, `cycle ${cycle}`).toBeUndefined();
          if (log.recovery.truncatedBytes > 0) truncatedCycles++;
          // Reading everything checks every batch's CRC and offsets: nothing corrupt is served.
          const records = await readAll(log, 64 * 1024);
          expect(records.map((r) => r.index)).toEqual(records.map((_, i) => i));
          for (const ack of acked) {
            for (let index = ack.baseIndex; index <= ack.lastIndex; index++) {
              const value = records[index]?.value?.toString() ?? '<missing>';
              expect(
                value.startsWith(`${ack.id}:${index - ack.baseIndex}:`),
                `index ${index} (${ack.id})`,
              ).toBe(true);
            }
          }
        } finally {
          await log.close();
        }
      }
      expect(acked.length).toBeGreaterThan(CYCLES);
      // Informational: how often a kill left a torn tail behind.
      console.info(
        `crash test: ${CYCLES} cycles, ${acked.length} acknowledged appends, torn tail cut in ${truncatedCycles}`,
      );
    },
  );
});
