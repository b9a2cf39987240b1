// mailer: `node dist/apps/mailer/src/main.js`. Configuration from the environment
// (README.md); a wrong variable exits with code 2 before anything starts.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitOnShutdownSignal, loadConfigOrExit } from '@shopstream/commerce-service-config';
import { createMailerApp } from '@shopstream/commerce-mailer';
import { mailerAppModule } from './app.module';
import { SERVICE, mailerConfigSchema } from './mailer.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, mailerConfigSchema);
  const app = await createMailerApp(mailerAppModule(config));
  exitOnShutdownSignal(app);
  await app.startAllMicroservices(); // joins group mailer on orders
  await app.listen(config.PORT, config.HOST);
  new Logger(SERVICE).log(
    `listening on http://${config.HOST}:${config.PORT}, mail via ${config.SMTP_HOST}:${config.SMTP_PORT}`,
  );
}

main().catch((error: unknown) => {
  console.error(`${SERVICE}: failed to start:`, error);
  process.exit(1);
});
