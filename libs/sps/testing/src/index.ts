// @shopstream/sps-testing: helpers for tests of code built on SPS, and the driver
// conformance suite every SPS driver runs.
export { waitFor, type WaitForOptions } from './wait-for';
export { freePort } from './free-port';
export { tempDir, type TempDir } from './temp-dir';
export { RecordCollector, type CollectedRecord } from './record-collector';
export { spawnScript, type ScriptProcess, type SpawnScriptOptions } from './script-process';
export { defineConformanceSuite } from './conformance/define-conformance-suite';
export type * from './conformance/conformance-client';
export type * from './conformance/conformance-harness';
