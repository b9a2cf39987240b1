import { describe, expect, it } from 'vitest';
import { streamNameProblem } from './vocabulary';

describe('streamNameProblem (Kafka topic name rules)', () => {
  it.each(['orders', 'orders.dlq', 'stock_low-v2', 'a'.repeat(249)])('accepts %s', (name) => {
    expect(streamNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    ['.', /cannot be "."/],
    ['..', /cannot be ".."/],
    ['a'.repeat(250), /at most 249/],
    ['orders/2', /character/],
    ['bestellungen-ä', /character/],
    ['has space', /character/],
  ])('rejects %j', (name, why) => {
    expect(streamNameProblem(name)).toMatch(why);
  });
});
