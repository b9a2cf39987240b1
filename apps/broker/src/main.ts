/**
 * The SPS broker process: the engine behind a Kafka wire-protocol server, in the foreground.
 * A composition root only — configuration in, `startBroker` (libs/sps/kafka-wire), signals.
 *
 *   npm run build && npm run broker -- --port 9092 --data-dir var/broker
 *
 * stdout: one readiness line once clients can connect. stderr: JSON log lines.
 * Exit codes: 0 after a clean stop, 1 when it cannot start or stop cleanly, 2 for a bad
 * configuration, 130 when a second signal cuts the stop short.
 */
import { resolve } from 'node:path';
import { type Broker, jsonLinesLogger, startBroker } from '@shopstream/sps-kafka-wire';
import { brokerOptions, ConfigError, helpText, parseConfig } from './config';

/** Beyond the server's own close deadline: the engine's final fsync and markers. */
const ENGINE_CLOSE_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`sps broker: ${error.message}\nRun with --help to see the options.\n`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(helpText());
    return;
  }
  const { config } = parsed;
  const logger = jsonLinesLogger(undefined, { level: config.logLevel });

  let broker: Broker;
  try {
    broker = await startBroker({
      ...brokerOptions(config),
      dataDir: resolve(config.dataDir),
      logger,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error('broker failed to start', { error: message });
    process.stderr.write(`sps broker: cannot start: ${message}\n`);
    process.exit(1);
  }

  const advertised =
    broker.bootstrap === `${broker.host}:${broker.port}`
      ? ''
      : `, advertised as ${broker.bootstrap}`;
  process.stdout.write(
    `sps broker ready on ${broker.host}:${broker.port} (data ${config.dataDir}${advertised})\n`,
  );
  logger.info('broker ready', {
    host: broker.host,
    port: broker.port,
    advertised: broker.bootstrap,
    clusterId: broker.clusterId,
    dataDir: broker.dataDir,
    fsync: config.fsync,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn('second signal: exiting without a clean stop', { signal });
      process.exit(130);
    }
    stopping = true;
    logger.info('stopping', { signal });
    const deadline = setTimeout(() => {
      logger.error('clean stop took too long: exiting', {
        ms: config.closeTimeoutMs + ENGINE_CLOSE_GRACE_MS,
      });
      process.exit(1);
    }, config.closeTimeoutMs + ENGINE_CLOSE_GRACE_MS);
    deadline.unref();
    broker.close().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('stop failed', {
          error: error instanceof Error ? error.message : String(error),
        });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
