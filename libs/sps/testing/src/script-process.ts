// A TypeScript script in a child Node process (`node --import tsx`), for tests that need a
// real OS process: one that can be SIGKILLed between two steps, as a crash would.
import { type ChildProcess, spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { waitFor, type WaitForOptions } from './wait-for';

/** A running script; its stdout is collected line by line. */
export interface ScriptProcess {
  readonly child: ChildProcess;
  /** Every stdout line so far. */
  readonly lines: string[];
  /** stderr so far (for failure messages). */
  stderr(): string;
  /** Resolves with the first line matching `pattern` (already printed or yet to come). */
  waitForLine(pattern: RegExp, options?: WaitForOptions): Promise<string>;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<number | NodeJS.Signals>;
}

/** Options of {@link spawnScript}. */
export interface SpawnScriptOptions {
  args?: string[];
  env?: Record<string, string>;
  /**
   * The tsconfig whose `paths` resolve `@shopstream/*` imports in the script.
   * @default the workspace's tsconfig.base.json, found above this file
   */
  tsconfig?: string;
}

/** The workspace root: libs/sps/testing/src → four levels up. */
const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Starts `node --import tsx <script>` with the workspace's path aliases, so the script can
 * import `@shopstream/*` libraries from source, exactly like a test does.
 *
 * @example
 * ```ts
 * const child = spawnScript(join(__dirname, '__fixtures__/consume.child.ts'), { args: [dataDir] });
 * await child.waitForLine(/^handled order-7$/);
 * await child.kill('SIGKILL'); // before it could commit
 * ```
 */
export function spawnScript(script: string, options: SpawnScriptOptions = {}): ScriptProcess {
  const tsconfig = options.tsconfig ?? join(WORKSPACE_ROOT, 'tsconfig.base.json');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(options.args ?? [])], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)),
  );
  let exitCode: number | NodeJS.Signals | undefined;
  void exited.then((c) => (exitCode = c));

  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    async waitForLine(pattern, waitOptions = {}) {
      return await waitFor(() => lines.find((l) => pattern.test(l)), {
        description: `a line ${pattern} from ${basename(script)}`,
        timeoutMs: 20_000,
        // Checked before each look at the lines, so a line printed just before the exit counts.
        abort: () =>
          exitCode !== undefined && !lines.some((l) => pattern.test(l))
            ? `it exited (${exitCode}); stderr: ${stderr.slice(-2000)}`
            : undefined,
        ...waitOptions,
      });
    },
    async kill(signal = 'SIGTERM') {
      if (exitCode === undefined) child.kill(signal);
      await exited;
    },
  };
}
