/**
 * `npm run bench:stack` — start time and memory of the whole local stack (after `npm run build`).
 * Start time: from spawning `stack up` to its "ready" line (every service healthy), 3 runs.
 * Memory: every process in the stack's tree (PostgreSQL and its backends, MailDev, the broker,
 * the services, the stack itself), idle after start, as RSS and as PSS (proportional set size:
 * shared pages, e.g. PostgreSQL's shared buffers, counted once) from /proc. Linux only.
 * Writes bench/results/stack.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { writeResults, type Row } from './report';
import { startStack } from './stack-runner';

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(ppid, [...(map.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

function tree(root: number): number[] {
  const kids = children();
  const out: number[] = [];
  const visit = (pid: number): void => {
    out.push(pid);
    for (const c of kids.get(pid) ?? []) visit(c);
  };
  visit(root);
  return out;
}

function memoryKb(pid: number): { name: string; rss: number; pss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (text: string, name: string): number =>
    Number(new RegExp(`${name}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const app = cmd.find((a) => a.includes('dist/apps/'))?.replace(/.*dist\/apps\/([^/]+)\/.*/, '$1');
  const name =
    app ??
    (cmd[0]?.includes('postgres')
      ? 'postgres'
      : cmd.some((a) => a.includes('maildev'))
        ? 'maildev'
        : (cmd[0] ?? '?'));
  return { name, rss: field(status, 'VmRSS'), pss: field(rollup, 'Pss') };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const startTimes: number[] = [];
  let memory: Row[] = [];
  for (let run = 1; run <= 3; run++) {
    const stack = await startStack(30_000 + run * 100);
    startTimes.push(stack.readyAfterMs / 1000);
    rows.push({ measure: `start, run ${run} (s)`, value: stack.readyAfterMs / 1000 });
    if (run === 3) {
      await new Promise((r) => setTimeout(r, 5000)); // idle after start: measured, not awaited for a condition
      const byName = new Map<string, { rss: number; pss: number; processes: number }>();
      for (const pid of tree(stack.child.pid!)) {
        try {
          const m = memoryKb(pid);
          const agg = byName.get(m.name) ?? { rss: 0, pss: 0, processes: 0 };
          byName.set(m.name, {
            rss: agg.rss + m.rss,
            pss: agg.pss + m.pss,
            processes: agg.processes + 1,
          });
        } catch {
          // exited meanwhile
        }
      }
      memory = [...byName].map(([name, m]) => ({
        process: name,
        processes: m.processes,
        rssMiB: m.rss / 1024,
        pssMiB: m.pss / 1024,
      }));
      const total = [...byName.values()].reduce(
        (a, m) => ({ rss: a.rss + m.rss, pss: a.pss + m.pss }),
        { rss: 0, pss: 0 },
      );
      memory.push({
        process: 'TOTAL',
        processes: [...byName.values()].reduce((n, m) => n + m.processes, 0),
        rssMiB: total.rss / 1024,
        pssMiB: total.pss / 1024,
      });
    }
    await stack.stop();
  }
  rows.push({ measure: 'start, median (s)', value: [...startTimes].sort((a, b) => a - b)[1] });
  writeResults('stack', [...rows, ...memory], {
    note: 'start = spawn of `stack up` (build excluded) to every service healthy; memory idle 5 s after start',
    node: process.version,
  });
}

void main();
