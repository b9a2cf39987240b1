// The coordinator's public surface; the lib's src/index.ts re-exports it.
export { GroupCoordinator } from './group-coordinator';
export type * from './coordinator-types';
