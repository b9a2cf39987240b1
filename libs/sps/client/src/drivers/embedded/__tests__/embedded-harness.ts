/**
 * The conformance harness of the embedded driver: a fresh engine on a temp directory per test
 * (fsync off: a killed process still leaves its writes in the page cache), coordinator session
 * bounds low enough for 1 s sessions, and the hooks the suite needs:
 *
 * - lost acknowledgements: the client gets the engine behind a proxy whose `append` stores a
 *   batch, drops the answer, and stores the same bytes again — what a producer retry after a
 *   lost ack does;
 * - a consumer process: the engine is closed and its data directory handed to a child process
 *   (embedded-consumer.child.ts); after the SIGKILL the engine is opened again, recovering.
 */
import {
  type ConformanceClient,
  type ConformanceHarness,
  type ScriptProcess,
  spawnScript,
  tempDir,
} from '@shopstream/sps-testing';
import { Engine, type EngineOptions } from '@shopstream/sps-log';
import { join } from 'node:path';
import { connect } from '../../../connect';
import { type SpsClient } from '../../../sps-client';

const ENGINE_OPTIONS: Omit<EngineOptions, 'dataDir'> = {
  fsync: 'never',
  coordinator: { minSessionTimeoutMs: 100 },
  retentionCheckIntervalMs: 3_600_000, // the suite runs retention itself
};
const CHILD = join(__dirname, '../__fixtures__/embedded-consumer.child.ts');

/** An engine whose `append` loses the first answer of every batch, so the batch is sent twice. */
function withLostAcks(engine: Engine): Engine {
  return new Proxy(engine, {
    get(target, property) {
      if (property === 'append') {
        return async (...args: Parameters<Engine['append']>) => {
          await target.append(...args); // stored, but the answer never reaches the producer
          return await target.append(...args); // the producer's retry of the very same bytes
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

export async function openEmbeddedHarness(): Promise<ConformanceHarness> {
  const dir = await tempDir('sps-embedded-');
  let engine = await Engine.open({ ...ENGINE_OPTIONS, dataDir: dir.path });
  const clients: SpsClient[] = [];
  const children: ScriptProcess[] = [];
  const track = (client: SpsClient): SpsClient => (clients.push(client), client);
  const closeClients = async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  };

  return {
    driver: 'embedded',
    consumerTiming: { sessionTimeoutMs: 1_000, heartbeatIntervalMs: 100 },
    connect: async (): Promise<ConformanceClient> =>
      track(await connect({ driver: 'embedded', engine })),
    enforceRetention: async () => {
      await engine.enforceRetention();
    },
    producerWithLostAcks: async (_client, { idempotent }) => {
      const lossy = track(await connect({ driver: 'embedded', engine: withLostAcks(engine) }));
      return lossy.producer({ idempotent });
    },
    startConsumerProcess: async ({ group, stream }) => {
      await closeClients();
      await engine.close(); // the child owns the data directory while it runs
      const script = spawnScript(CHILD, { args: [dir.path, group, stream] });
      children.push(script);
      return {
        script,
        kill: async () => {
          await script.kill('SIGKILL');
          engine = await Engine.open({ ...ENGINE_OPTIONS, dataDir: dir.path });
        },
      };
    },
    close: async () => {
      await Promise.all(children.map((c) => c.kill('SIGKILL'))); // a test that failed early
      await closeClients();
      await engine.close();
      await dir.remove();
    },
  };
}
