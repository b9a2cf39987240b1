// Ctrl-C and SIGTERM stop the local infrastructure cleanly: a real process owning a
// PostgreSQL and a mail catcher gets the signal, and afterwards nothing listens any more,
// PostgreSQL wrote its clean-shutdown checkpoint, and the process exited with 0.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasExited, waitForExit } from '../support/child-process';
import { freePort, isListening } from '../support/free-port';
import { waitUntil } from '../support/wait-until';

const fixture = join(__dirname, '../__fixtures__/local-infra-process.fixture.ts');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startInfraProcess() {
  const root = await mkdtemp(join(tmpdir(), 'shutdown-spec-'));
  await chmod(root, 0o755);
  const dataDir = join(root, 'pg');
  const ports = { postgres: await freePort(), smtp: await freePort(), web: await freePort() };
  // Its own process group, like a terminal's foreground job: Ctrl-C goes to the whole group.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fixture, dataDir, ...[ports.postgres, ports.smtp, ports.web].map(String)],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cleanups.push(async () => {
    if (!hasExited(child)) process.kill(-child.pid!, 'SIGKILL');
    // If the test failed half-way, PostgreSQL (in a group of its own) may still run.
    const pid = Number(
      (await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
    );
    if (pid) process.kill(pid, 'SIGKILL');
    await rm(root, { recursive: true, force: true });
  });
  await waitUntil(() => output.includes('ready'), {
    description: 'the fixture to report ready',
    abort: () => (hasExited(child) ? `it exited: ${output}` : undefined),
  });
  return { child, dataDir, ports, output: () => output };
}

describe('shutdown on signals', () => {
  it.each([
    ['SIGTERM to the process', 'SIGTERM', false],
    ['Ctrl-C (SIGINT to the process group)', 'SIGINT', true],
  ] as const)('%s stops PostgreSQL and the mail catcher cleanly', async (_, signal, toGroup) => {
    const { child, dataDir, ports, output } = await startInfraProcess();
    for (const port of Object.values(ports)) expect(await isListening(port)).toBe(true);

    const signalled = Date.now();
    process.kill(toGroup ? -child.pid! : child.pid!, signal);
    expect(await waitForExit(child, 30_000)).toBe(true);
    console.info(`${signal}: stopped in ${Date.now() - signalled} ms`);

    expect({ code: child.exitCode, output: output() }).toMatchObject({ code: 0 });
    for (const port of Object.values(ports)) expect(await isListening(port)).toBe(false);
    const log = await readFile(`${dataDir}.log`, 'utf8');
    expect(log).toMatch(/received fast shutdown request/);
    expect(log).toMatch(/database system is shut down/);
  });
});
