/**
 * The driver conformance suite: the behaviour every SPS driver must show through the SPS
 * client, asserted the way a user would notice it. A driver's spec runs it with its harness:
 *
 * ```ts
 * defineConformanceSuite('embedded', () => openEmbeddedHarness());
 * ```
 *
 * Each test gets a fresh harness (see conformance-harness.ts) and uses unique stream and group
 * names. No fixed sleeps: every wait is for a condition, with a deadline.
 */
import { describe } from 'vitest';
import { type ConformanceHarnessFactory } from './conformance-harness';
import { atLeastOnceScenarios } from './scenarios/at-least-once.scenario';
import { deadLetterScenarios } from './scenarios/dead-letter.scenario';
import { groupScenarios } from './scenarios/groups.scenario';
import { idempotenceScenarios } from './scenarios/idempotence.scenario';
import { inspectionScenarios } from './scenarios/inspection.scenario';
import { partitionScenarios } from './scenarios/partitions.scenario';
import { placementScenarios } from './scenarios/placement.scenario';
import { replayScenarios } from './scenarios/replay.scenario';
import { retentionScenarios } from './scenarios/retention.scenario';
import { traceScenarios } from './scenarios/trace.scenario';
import { useHarness } from './suite-context';

/**
 * Defines the conformance tests for one driver.
 *
 * @param name the driver's name, for the test titles
 * @param harnessFactory opens a fresh harness for each test
 */
export function defineConformanceSuite(
  name: string,
  harnessFactory: ConformanceHarnessFactory,
): void {
  describe(`SPS driver conformance: ${name}`, () => {
    const suite = useHarness(harnessFactory);
    placementScenarios(suite);
    atLeastOnceScenarios(suite);
    groupScenarios(suite);
    replayScenarios(suite);
    retentionScenarios(suite);
    partitionScenarios(suite);
    idempotenceScenarios(suite);
    inspectionScenarios(suite);
    deadLetterScenarios(suite);
    traceScenarios(suite);
  });
}
