// @shopstream/local-infra: the local data and mail infrastructure of the no-Docker stack.
export { LocalPostgres, type LocalPostgresOptions } from './postgres/local-postgres';
export {
  ensureServiceDatabase,
  type ServiceDatabase,
  type ServiceDatabaseSpec,
} from './postgres/service-database';
export { postgresBinaries, type PostgresBinaries } from './postgres/postgres-binaries';
export { startMailCatcher, type MailCatcher, type MailCatcherOptions } from './mail/mail-catcher';
export { MailCatcherClient, type CapturedMail, type MailAddress } from './mail/mail-catcher.client';
export {
  PrismaCliAdapterFactory,
  prismaCliAdapter,
  type PrismaCliConnection,
} from './prisma/prisma-cli-adapter';
export {
  MIGRATE_DEPLOY_DONE,
  runPrismaCli,
  type PrismaCliOptions,
  type PrismaCliResult,
} from './prisma/prisma-cli';
export { onShutdownSignal } from './support/shutdown-signals';
export { freePort, isListening } from './support/free-port';
export { waitUntil, type WaitUntilOptions } from './support/wait-until';
export {
  ManagedProcess,
  type ManagedProcessSpec,
  type LineSink,
  type ProcessState,
} from './stack/managed-process';
export { StackSupervisor, type ServiceStatus } from './stack/stack-supervisor';
export { startControlServer, type ControlServer } from './stack/control-server';
