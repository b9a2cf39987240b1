// order-store: `node dist/apps/order-store/src/main.js`. Configuration from the environment
// (README.md); a wrong variable exits with code 2 before anything starts.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitOnShutdownSignal, loadConfigOrExit } from '@shopstream/commerce-service-config';
import { createOrderStoreApp } from '@shopstream/commerce-order-store';
import { orderStoreAppModule } from './app.module';
import { SERVICE, orderStoreConfigSchema } from './order-store.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, orderStoreConfigSchema);
  const app = await createOrderStoreApp(orderStoreAppModule(config));
  exitOnShutdownSignal(app);
  await app.startAllMicroservices(); // joins group order-store on orders
  await app.listen(config.PORT, config.HOST);
  new Logger(SERVICE).log(`listening on http://${config.HOST}:${config.PORT}`);
}

main().catch((error: unknown) => {
  console.error(`${SERVICE}: failed to start:`, error);
  process.exit(1);
});
