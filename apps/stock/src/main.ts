// stock: `node dist/apps/stock/src/main.js`. Configuration from the environment
// (README.md); a wrong variable exits with code 2 before anything starts.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitOnShutdownSignal, loadConfigOrExit } from '@shopstream/commerce-service-config';
import { createStockApp } from '@shopstream/commerce-stock';
import { stockAppModule } from './app.module';
import { SERVICE, stockConfigSchema } from './stock.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, stockConfigSchema);
  const app = await createStockApp(stockAppModule(config));
  exitOnShutdownSignal(app);
  await app.startAllMicroservices(); // joins group erp-stock on orders
  await app.listen(config.PORT, config.HOST);
  new Logger(SERVICE).log(`listening on http://${config.HOST}:${config.PORT}`);
}

main().catch((error: unknown) => {
  console.error(`${SERVICE}: failed to start:`, error);
  process.exit(1);
});
