import { projectConfig } from './vitest/project.mts';

export default projectConfig(import.meta.dirname, { name: 'tools' });
