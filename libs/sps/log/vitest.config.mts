import { projectConfig } from '../../../tools/vitest/project.mts';

export default projectConfig(import.meta.dirname, { name: 'sps-log', testTimeout: 60_000 });
