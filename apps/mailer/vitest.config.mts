import { projectConfig } from '../../tools/vitest/project.mts';

// The smoke test starts a real PostgreSQL and MailDev.
export default projectConfig(import.meta.dirname, { name: 'mailer', testTimeout: 30_000 });
