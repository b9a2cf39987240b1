/**
 * The drivers `connect()` knows, by name. Each entry loads its driver only when used, so an
 * application on the embedded engine never loads a Kafka client library, and the options type
 * of `connect()` is derived from these entries.
 *
 * Adding a driver = its folder under drivers/ plus one line here, e.g.
 * `kafka: async (o: KafkaDriverOptions) => (await import('./kafka/kafka.driver.js')).createKafkaDriver(o),`
 *
 * The `.js` suffix: our sources are CommonJS, where `import()` keeps ESM resolution, which needs
 * the extension; TypeScript, Vitest, tsx and the SWC build all map it to the `.ts` source or
 * the compiled file.
 */
import { type SpsDriver } from '@shopstream/sps-core';
import { type EmbeddedDriverOptions } from './embedded/embedded-options';
import { type KafkaDriverOptions } from './kafka/kafka-options';

export const DRIVERS = {
  embedded: async (options: EmbeddedDriverOptions) =>
    (await import('./embedded/embedded.driver.js')).createEmbeddedDriver(options),
  kafka: async (options: KafkaDriverOptions) =>
    (await import('./kafka/kafka.driver.js')).createKafkaDriver(options),
} satisfies Record<string, (options: never) => Promise<SpsDriver>>;

/** The name of a registered driver: `'embedded'`, `'kafka'`. */
export type DriverName = keyof typeof DRIVERS;

/** What `connect()` takes for the driver `name`. */
export type DriverOptions<Name extends DriverName> = Parameters<(typeof DRIVERS)[Name]>[0];
