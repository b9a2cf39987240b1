// promo-counter: `node dist/apps/promo-counter/src/main.js`. Configuration from the
// environment (README.md); a wrong variable exits with code 2 before anything starts.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitOnShutdownSignal, loadConfigOrExit } from '@shopstream/commerce-service-config';
import { createPromoCounterApp } from '@shopstream/commerce-promo-counter';
import { promoCounterAppModule } from './app.module';
import { SERVICE, promoCounterConfigSchema } from './promo-counter.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, promoCounterConfigSchema);
  const app = await createPromoCounterApp(promoCounterAppModule(config));
  exitOnShutdownSignal(app);
  // listen() initialises the app: the reader starts from the snapshot or the start of orders.
  await app.listen(config.PORT, config.HOST);
  new Logger(SERVICE).log(
    `listening on http://${config.HOST}:${config.PORT}, snapshots in ${config.SNAPSHOT_DIR}`,
  );
}

main().catch((error: unknown) => {
  console.error(`${SERVICE}: failed to start:`, error);
  process.exit(1);
});
