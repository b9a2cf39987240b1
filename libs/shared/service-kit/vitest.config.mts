import { projectConfig } from '../../../tools/vitest/project.mts';

// Tests start real Nest apps on Fastify.
export default projectConfig(import.meta.dirname, { name: 'service-kit', testTimeout: 30_000 });
