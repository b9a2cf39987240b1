import { projectConfig } from '../../../tools/vitest/project.mts';

// The integration test starts PostgreSQL and runs the Prisma CLI: give it time.
export default projectConfig(import.meta.dirname, {
  name: 'stock-data',
  testTimeout: 60_000,
});
