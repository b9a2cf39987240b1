/**
 * SIGTERM / SIGINT for a service: close the Nest app in its documented order (stop consuming:
 * finish in-flight records, commit, leave the group; close the HTTP server; then the shutdown
 * hooks close the SPS client and the database pool) and exit with code 0.
 *
 * service-kit's `createServiceApp` enables Nest's own shutdown hooks, which close the app the
 * same way but then re-raise the signal, so the process would end "killed by SIGTERM" (143).
 * Supervisors and `docker stop` read that as a failure; this replaces those listeners.
 */
import { type INestApplication, Logger } from '@nestjs/common';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** Nest's listeners, removable through a public method its interface does not declare. */
interface SignalSubscriber {
  unsubscribeFromProcessSignals?: () => void;
}

/**
 * @param exit Injectable for tests. @default process.exit
 * @example
 * ```ts
 * const app = await createServiceApp(AppModule);
 * exitOnShutdownSignal(app);
 * await app.listen(config.PORT, config.HOST);
 * ```
 */
export function exitOnShutdownSignal(
  app: INestApplication,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  (app as unknown as SignalSubscriber).unsubscribeFromProcessSignals?.();
  const log = new Logger('Shutdown');
  let closing = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (closing) {
      log.warn(`${signal} again: exiting without waiting for the shutdown`);
      exit(130);
      return;
    }
    closing = true;
    log.log(`${signal}: shutting down gracefully`);
    const started = Date.now();
    app.close().then(
      () => {
        log.log(`stopped in ${Date.now() - started} ms`);
        exit(0);
      },
      (error: unknown) => {
        log.error(`shutdown failed: ${String(error)}`);
        exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
}
