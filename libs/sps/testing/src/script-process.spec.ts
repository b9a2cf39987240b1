import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnScript } from './script-process';

const TICKER = join(__dirname, '__fixtures__/ticker.child.ts');

describe('spawnScript', () => {
  it('runs a TypeScript script, collects its lines and kills it', async () => {
    const script = spawnScript(TICKER);
    expect(await script.waitForLine(/^tick 3$/)).toBe('tick 3');
    await script.kill('SIGKILL');
    expect(await script.exited).toBe('SIGKILL');
    expect(script.lines.slice(0, 2)).toEqual(['tick 0', 'tick 1']);
  });

  it('fails fast when the script exits before printing the line', async () => {
    const script = spawnScript(TICKER, { args: ['exit'] });
    await expect(script.waitForLine(/^tick 5$/)).rejects.toThrow(/exited \(3\)/);
  });
});
