// A process that owns a LocalPostgres and a mail catcher and stops both on SIGINT/SIGTERM, the
// way the local stack does. Run by __tests__/shutdown.spec.ts with tsx.
// Arguments: <dataDir> <postgresPort> <smtpPort> <webPort>
import { startMailCatcher } from '../mail/mail-catcher';
import { LocalPostgres } from '../postgres/local-postgres';
import { onShutdownSignal } from '../support/shutdown-signals';

async function main(): Promise<void> {
  const [dataDir, postgresPort, smtpPort, webPort] = process.argv.slice(2);
  const postgres = new LocalPostgres({ dataDir, port: Number(postgresPort), durable: false });
  await postgres.start();
  const mail = await startMailCatcher({ smtpPort: Number(smtpPort), webPort: Number(webPort) });
  onShutdownSignal(async () => {
    await mail.stop();
    await postgres.stop();
  });
  console.log('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
