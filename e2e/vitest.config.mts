import { projectConfig } from '../tools/vitest/project.mts';

// One stack per file, started once: scenarios run in order inside a file, files one at a time.
const config = projectConfig(import.meta.dirname, { name: 'e2e', testTimeout: 120_000 });
config.test = { ...config.test, hookTimeout: 240_000, fileParallelism: false };
export default config;
