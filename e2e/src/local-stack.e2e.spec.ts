// The end-to-end suite against the local stack, exactly as `npm start` runs it.
import { afterAll, beforeAll, describe } from 'vitest';
import { definePart1Scenarios } from './scenarios/suite-part1.scenarios';
import { definePart2Scenarios } from './scenarios/suite-part2.scenarios';
import { startLocalStack } from './support/local-stack';
import { type ShopStack } from './support/shop-stack';

let stack: ShopStack;

beforeAll(async () => {
  stack = await startLocalStack();
});

afterAll(async () => {
  await stack?.close();
});

describe('the suite on the local stack', () => {
  definePart1Scenarios(() => stack);
  definePart2Scenarios(() => stack);
});
