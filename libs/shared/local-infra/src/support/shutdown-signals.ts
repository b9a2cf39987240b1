// Ctrl-C (SIGINT) and SIGTERM for a process that owns local servers: run the cleanup once, in
// order, then exit. A second signal while cleaning up exits at once (the user insists).

/**
 * Runs `cleanup` on the first SIGINT or SIGTERM, then exits with 0 (or 1 if cleanup threw).
 * Returns a function that removes the handlers again.
 *
 * @example
 * ```ts
 * const postgres = new LocalPostgres();
 * await postgres.start();
 * onShutdownSignal(async () => {
 *   await stopServices(); // first whatever uses the database
 *   await postgres.stop();
 * });
 * ```
 */
export function onShutdownSignal(
  cleanup: (signal: NodeJS.Signals) => Promise<void>,
  log: (message: string) => void = (message) => console.error(message),
): () => void {
  let shuttingDown = false;
  const handler = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      log(`${signal} again: exiting without waiting for cleanup`);
      process.exit(130);
    }
    shuttingDown = true;
    log(`${signal}: shutting down`);
    cleanup(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
