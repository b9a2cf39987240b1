import { projectConfig } from '../../../tools/vitest/project.mts';

// The tests start a real PostgreSQL.
export default projectConfig(import.meta.dirname, { name: 'commerce-crm', testTimeout: 30_000 });
