import { projectConfig } from '../../../tools/vitest/project.mts';

// Tests start real servers (PostgreSQL, MailDev, the Prisma CLI): give them time.
export default projectConfig(import.meta.dirname, { name: 'local-infra', testTimeout: 60_000 });
