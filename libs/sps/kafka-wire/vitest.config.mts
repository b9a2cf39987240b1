import { mergeConfig } from 'vitest/config';
import { projectConfig } from '../../../tools/vitest/project.mts';

// --expose-gc lets the fuzz suite measure retained memory after a real collection.
export default mergeConfig(
  projectConfig(import.meta.dirname, { name: 'sps-kafka-wire', testTimeout: 60_000 }),
  {
    test: { poolOptions: { forks: { execArgv: ['--expose-gc'] } } },
  },
);
