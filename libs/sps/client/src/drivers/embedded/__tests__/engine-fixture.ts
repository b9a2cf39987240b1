// An engine on a temp directory for the embedded driver's own specs, with coordinator bounds
// that allow sub-second sessions, and a client connected to it.
import { tempDir } from '@shopstream/sps-testing';
import { Engine } from '@shopstream/sps-log';
import { connect } from '../../../connect';
import { type SpsClient } from '../../../sps-client';

export interface EngineFixture {
  engine: Engine;
  client: SpsClient;
  dataDir: string;
  close(): Promise<void>;
}

/** Consumer options that keep these specs fast. */
export const FAST = {
  sessionTimeoutMs: 600,
  heartbeatIntervalMs: 50,
  maxWaitMs: 100,
  commit: { intervalMs: 20 },
  retry: { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 },
} as const;

export async function openEngineFixture(): Promise<EngineFixture> {
  const dir = await tempDir('sps-client-');
  const engine = await Engine.open({
    dataDir: dir.path,
    fsync: 'never',
    coordinator: { minSessionTimeoutMs: 100 },
  });
  const client = await connect({ driver: 'embedded', engine });
  return {
    engine,
    client,
    dataDir: dir.path,
    async close() {
      await client.close();
      await engine.close();
      await dir.remove();
    },
  };
}
