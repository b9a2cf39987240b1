import { projectConfig } from '../../../tools/vitest/project.mts';

export default projectConfig(import.meta.dirname, { name: 'commerce-promo-counter' });
