// The same end-to-end scenarios on real Apache Kafka and PostgreSQL in containers. Without a
// Docker engine (our CI machines have none) this reports that it was skipped, and why.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { definePart1Scenarios } from './scenarios/suite-part1.scenarios';
import { startContainerStack } from './support/container-stack';
import { dockerUnavailableReason } from './support/docker';
import { type ShopStack } from './support/shop-stack';

const unavailable = dockerUnavailableReason();

if (unavailable) {
  console.warn(
    `[e2e containers] SKIPPED: ${unavailable}. Run on a machine with Docker to exercise real Kafka.`,
  );
  describe('the suite on containers (real Apache Kafka, PostgreSQL, MailDev)', () => {
    it.skip(`skipped: ${unavailable}`, () => undefined);
  });
} else {
  let stack: ShopStack;
  beforeAll(async () => {
    stack = await startContainerStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  describe('the suite on containers (real Apache Kafka, PostgreSQL, MailDev)', () => {
    definePart1Scenarios(() => stack);
  });
}
