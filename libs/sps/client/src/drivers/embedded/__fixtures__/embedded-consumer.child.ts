/**
 * A consumer process for the at-least-once conformance scenario: owns the engine on the data
 * directory it is given, consumes `stream` in `group` from the earliest record, and prints
 * `handled <value>` after each handler and `committed <json>` for every commit — of which
 * there is none before it is killed: its commit interval is an hour.
 *
 * Run: node --import tsx embedded-consumer.child.ts <dataDir> <group> <stream>
 */
import { connect } from '../../../connect';

async function main(): Promise<void> {
  const [dataDir, group, stream] = process.argv.slice(2);
  if (!dataDir || !group || !stream) throw new Error('usage: <dataDir> <group> <stream>');
  const client = await connect({
    driver: 'embedded',
    dataDir,
    engineOptions: { fsync: 'never', coordinator: { minSessionTimeoutMs: 100 } },
  });
  const consumer = client.consumer({
    group,
    streams: [stream],
    from: 'earliest',
    sessionTimeoutMs: 1_000,
    heartbeatIntervalMs: 100,
    commit: { intervalMs: 3_600_000, maxPending: 1_000_000 },
  });
  consumer.on('committed', (e) => console.log(`committed ${JSON.stringify(e.partitions)}`));
  await consumer.start((message) => {
    console.log(`handled ${message.value?.toString('utf8') ?? ''}`);
  });
  console.log('started');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
