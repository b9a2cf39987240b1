/**
 * A consumer process for the at-least-once conformance scenario on the kafka driver: joins
 * `group` on the broker at `bootstrap`, consumes `stream` from the earliest record, and prints
 * `handled <value>` after each handler and `committed <json>` for every commit — of which there
 * is none before it is killed: its commit interval is an hour.
 *
 * Run: node --import tsx kafka-consumer.child.ts <bootstrap> <group> <stream> <sessionTimeoutMs> <heartbeatIntervalMs>
 */
import { connect } from '../../../connect';

async function main(): Promise<void> {
  const [bootstrap, group, stream, sessionTimeoutMs, heartbeatIntervalMs] = process.argv.slice(2);
  if (!bootstrap || !group || !stream || !sessionTimeoutMs || !heartbeatIntervalMs) {
    throw new Error('usage: <bootstrap> <group> <stream> <sessionTimeoutMs> <heartbeatIntervalMs>');
  }
  const client = await connect({ driver: 'kafka', brokers: [bootstrap], logLevel: 'nothing' });
  const consumer = client.consumer({
    group,
    streams: [stream],
    from: 'earliest',
    sessionTimeoutMs: Number(sessionTimeoutMs),
    heartbeatIntervalMs: Number(heartbeatIntervalMs),
    maxWaitMs: 200,
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
