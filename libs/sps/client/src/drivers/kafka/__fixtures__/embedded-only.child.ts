/**
 * An application on the embedded driver: prints whether kafkajs was loaded (it must not be —
 * drivers are imported only when `connect()` picks them).
 *
 * Run: node --import tsx embedded-only.child.ts <dataDir>
 */
import { connect } from '../../../connect';

async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: <dataDir>');
  const client = await connect({ driver: 'embedded', dataDir, engineOptions: { fsync: 'never' } });
  await client.producer().send('orders', [{ key: 'ord_1', value: 'v' }]);
  await client.close();
  const loaded = Object.keys(require.cache).some((path) => path.includes('/node_modules/kafkajs/'));
  console.log(`kafkajs loaded: ${loaded}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
