import { projectConfig } from '../../tools/vitest/project.mts';

// The smoke test starts a real PostgreSQL.
export default projectConfig(import.meta.dirname, { name: 'shipping', testTimeout: 30_000 });
