// Stopping child processes (PostgreSQL, the mail catcher) cleanly: a polite signal first,
// harder ones only when the process does not exit in time.
import { type ChildProcess } from 'node:child_process';

/** Whether the child has exited (or was never started). */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves `true` once the child has exited, `false` if it is still running after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/**
 * Sends each signal in turn and waits up to `graceMs` for the child to exit after each one,
 * e.g. `['SIGINT', 'SIGQUIT', 'SIGKILL']` for PostgreSQL's fast, immediate and forced
 * shutdown. Resolves when the child has exited; throws if even the last signal did not help.
 */
export async function stopChild(
  child: ChildProcess,
  signals: NodeJS.Signals[],
  graceMs: number,
): Promise<void> {
  for (const signal of signals) {
    if (hasExited(child)) return;
    child.kill(signal);
    if (await waitForExit(child, graceMs)) return;
  }
  if (!hasExited(child)) {
    throw new Error(`Process ${child.pid} did not exit after ${signals.join(', ')}`);
  }
}
