/** Options of the `embedded` driver: the SPS engine in this process. */
import { type Engine, type EngineOptions } from '@shopstream/sps-log';

/**
 * Either an engine that already runs in this process — shared with other code, e.g. a test or
 * the broker; the client never closes it — or a data directory: the client opens the engine
 * there and closes it on `client.close()`.
 *
 * @example
 * ```ts
 * await connect({ driver: 'embedded', engine });
 * await connect({ driver: 'embedded', dataDir: 'var/engine', engineOptions: { fsync: 'always' } });
 * ```
 */
export type EmbeddedDriverOptions =
  { engine: Engine } | { dataDir: string; engineOptions?: Omit<EngineOptions, 'dataDir'> };
