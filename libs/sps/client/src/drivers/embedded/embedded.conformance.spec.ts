// The driver conformance suite (libs/sps/testing) on the embedded driver.
import { defineConformanceSuite } from '@shopstream/sps-testing';
import { openEmbeddedHarness } from './__tests__/embedded-harness';

defineConformanceSuite('embedded', openEmbeddedHarness);
