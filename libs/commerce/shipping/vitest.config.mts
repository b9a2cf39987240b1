import { projectConfig } from '../../../tools/vitest/project.mts';

// The service tests start a real PostgreSQL; the label tests parse real PDFs.
export default projectConfig(import.meta.dirname, {
  name: 'commerce-shipping',
  testTimeout: 30_000,
});
