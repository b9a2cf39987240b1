// The driver conformance suite (libs/sps/testing) on the kafka driver, against the SPS broker
// started in this process on a free port (see __tests__/kafka-harness.ts).
import { defineConformanceSuite } from '@shopstream/sps-testing';
import { openKafkaHarness } from './__tests__/kafka-harness';

defineConformanceSuite('kafka', openKafkaHarness);
