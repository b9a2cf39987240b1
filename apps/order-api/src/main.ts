// order-api: `node dist/apps/order-api/src/main.js`. Configuration from the environment
// (README.md); a wrong variable exits with code 2 before anything starts.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitOnShutdownSignal, loadConfigOrExit } from '@shopstream/commerce-service-config';
import { createOrderApiApp } from '@shopstream/commerce-order-api';
import { orderApiAppModule } from './app.module';
import { SERVICE, orderApiConfigSchema } from './order-api.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, orderApiConfigSchema);
  const app = await createOrderApiApp(orderApiAppModule(config));
  exitOnShutdownSignal(app);
  await app.listen(config.PORT, config.HOST);
  new Logger(SERVICE).log(`listening on http://${config.HOST}:${config.PORT} (docs at /docs)`);
}

main().catch((error: unknown) => {
  console.error(`${SERVICE}: failed to start:`, error);
  process.exit(1);
});
