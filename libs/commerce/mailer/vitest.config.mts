import { projectConfig } from '../../../tools/vitest/project.mts';

// The tests start a real PostgreSQL and a real SMTP server (MailDev).
export default projectConfig(import.meta.dirname, { name: 'commerce-mailer', testTimeout: 30_000 });
