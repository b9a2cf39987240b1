// shipping: `node dist/apps/shipping/src/main.js`. Configuration from the environment
// (README.md); a wrong variable exits with code 2 before anything starts.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitOnShutdownSignal, loadConfigOrExit } from '@shopstream/commerce-service-config';
import { createShippingApp } from '@shopstream/commerce-shipping';
import { shippingAppModule } from './app.module';
import { SERVICE, shippingConfigSchema } from './shipping.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, shippingConfigSchema);
  const app = await createShippingApp(shippingAppModule(config));
  exitOnShutdownSignal(app);
  await app.startAllMicroservices(); // joins group shipping on orders
  await app.listen(config.PORT, config.HOST);
  new Logger(SERVICE).log(`listening on http://${config.HOST}:${config.PORT}`);
}

main().catch((error: unknown) => {
  console.error(`${SERVICE}: failed to start:`, error);
  process.exit(1);
});
