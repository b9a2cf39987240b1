// A local SMTP server that accepts every mail and shows it in a web inbox: MailDev 2 (npm
// `maildev`), the catcher docker compose uses too, with DESIGN.md's ports 1025 and 1080 as
// its own defaults. It runs as a child process because MailDev keeps its state in module-level
// singletons (one server per process) and installs SIGINT/SIGTERM handlers that exit the process.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasExited, stopChild } from '../support/child-process';
import { isListening } from '../support/free-port';
import { waitUntil } from '../support/wait-until';
import { MailCatcherClient } from './mail-catcher.client';

/** Options of {@link startMailCatcher}. */
export interface MailCatcherOptions {
  /** SMTP port. @default 1025 */
  smtpPort?: number;
  /** Web inbox and REST API port. @default 1080 */
  webPort?: number;
  /** The address both listen on. @default '127.0.0.1' */
  host?: string;
  /**
   * Where MailDev keeps mails as .eml files; it loads them again on the next start. When
   * unset, a temp directory that `stop()` deletes.
   */
  mailDirectory?: string;
  /** How long the start may take. @default 15000 */
  startTimeoutMs?: number;
}

/** A running mail catcher. */
export interface MailCatcher {
  host: string;
  smtpPort: number;
  webPort: number;
  /** The web inbox, e.g. `http://127.0.0.1:1080`. */
  webUrl: string;
  /** A client of its REST API. */
  client: MailCatcherClient;
  /** Stops it (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/**
 * Starts MailDev and resolves once both SMTP and the web inbox accept connections.
 *
 * @example
 * ```ts
 * const catcher = await startMailCatcher(); // SMTP 127.0.0.1:1025, inbox http://127.0.0.1:1080
 * // send with nodemailer: createTransport({ host: catcher.host, port: catcher.smtpPort })
 * const mails = await catcher.client.list();
 * await catcher.stop();
 * ```
 */
export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const { smtpPort = 1025, webPort = 1080, host = '127.0.0.1' } = options;
  // A catcher already on these ports would answer our readiness checks in place of ours.
  for (const port of [smtpPort, webPort]) {
    if (await isListening(port, host)) throw new Error(`Port ${host}:${port} is already in use`);
  }
  const bin = createRequire(__filename).resolve('maildev/bin/maildev');
  const ownsDirectory = options.mailDirectory === undefined;
  const mailDirectory =
    options.mailDirectory ?? (await mkdtemp(join(tmpdir(), 'shopstream-mail-')));
  const args = ['--smtp', String(smtpPort), '--web', String(webPort), '--ip', host];
  args.push('--mail-directory', mailDirectory);
  // MAILDEV_* variables would override defaults we do not pass: start from a clean slate.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('MAILDEV_')),
  );
  const child: ChildProcess = spawn(process.execPath, [bin, ...args, '--silent'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const webUrl = `http://${host}:${webPort}`;
  const client = new MailCatcherClient(webUrl);
  const stop = async () => {
    try {
      await stopChild(child, ['SIGTERM', 'SIGKILL'], 5_000);
    } finally {
      if (ownsDirectory) await rm(mailDirectory, { recursive: true, force: true });
    }
  };
  try {
    await waitUntil(
      async () => (await isListening(smtpPort, host)) && (await client.list()) !== undefined,
      {
        description: `the mail catcher (SMTP ${host}:${smtpPort}, web ${webUrl})`,
        timeoutMs: options.startTimeoutMs ?? 15_000,
        abort: () =>
          hasExited(child) ? `it exited (code ${child.exitCode}): ${stderr}` : undefined,
      },
    );
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { host, smtpPort, webPort, webUrl, client, stop };
}
