/**
 * `connect()`: the entry point of the SPS client. Picks the driver from the options (see
 * drivers/driver-registry.ts), or takes a ready driver instance (tests, custom backends).
 */
import { SpsError, type SpsDriver } from '@shopstream/sps-core';
import { DRIVERS, type DriverName, type DriverOptions } from './drivers/driver-registry';
import { SpsClient } from './sps-client';

/** `{ driver: 'embedded', engine }`, `{ driver: 'embedded', dataDir }`, … or a driver instance. */
export type ConnectOptions =
  | { [Name in DriverName]: { driver: Name } & DriverOptions<Name> }[DriverName]
  | { driver: SpsDriver };

/**
 * Connects to an SPS backend.
 *
 * @example
 * ```ts
 * // in-process engine the client owns (opened here, closed by client.close())
 * const client = await connect({ driver: 'embedded', dataDir: 'var/engine' });
 * // an engine shared with other code in this process (tests): the client never closes it
 * const shared = await connect({ driver: 'embedded', engine });
 * ```
 */
export async function connect(options: ConnectOptions): Promise<SpsClient> {
  if (typeof options.driver !== 'string') return new SpsClient(options.driver);
  const { driver: name, ...driverOptions } = options;
  const factory = DRIVERS[name] as ((o: unknown) => Promise<SpsDriver>) | undefined;
  if (!factory) {
    throw new SpsError(
      'SPS_ERR_INVALID_ARGUMENT',
      `unknown SPS driver "${String(name)}" (known: ${Object.keys(DRIVERS).join(', ')})`,
      { context: { driver: name } },
    );
  }
  return new SpsClient(await factory(driverOptions));
}
