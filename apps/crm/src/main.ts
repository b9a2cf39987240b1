// crm: `node dist/apps/crm/src/main.js`. Configuration from the environment (README.md); a
// wrong variable exits with code 2 before anything starts.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitOnShutdownSignal, loadConfigOrExit } from '@shopstream/commerce-service-config';
import { createCrmApp } from '@shopstream/commerce-crm';
import { crmAppModule } from './app.module';
import { SERVICE, crmConfigSchema } from './crm.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, crmConfigSchema);
  const app = await createCrmApp(crmAppModule(config));
  exitOnShutdownSignal(app);
  await app.startAllMicroservices(); // joins group crm on orders
  await app.listen(config.PORT, config.HOST);
  new Logger(SERVICE).log(`listening on http://${config.HOST}:${config.PORT}`);
}

main().catch((error: unknown) => {
  console.error(`${SERVICE}: failed to start:`, error);
  process.exit(1);
});
