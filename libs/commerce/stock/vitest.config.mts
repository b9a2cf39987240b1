import { projectConfig } from '../../../tools/vitest/project.mts';

// The service tests start a real PostgreSQL.
export default projectConfig(import.meta.dirname, { name: 'commerce-stock', testTimeout: 30_000 });
