import { describe, expect, it } from 'vitest';
import {
  childTraceparent,
  currentTraceparent,
  newRootTraceparent,
  parseTraceparent,
  traceparentForNewRecord,
  withTraceparent,
} from './traceparent';

const W3C_EXAMPLE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('traceparent', () => {
  it('parses the W3C example and refuses malformed or all-zero ids', () => {
    expect(parseTraceparent(W3C_EXAMPLE)).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentId: '00f067aa0ba902b7',
      flags: 1,
    });
    expect(parseTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeNull();
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01')).toBeNull();
    expect(parseTraceparent('00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01')).toBeNull();
    expect(parseTraceparent('garbage')).toBeNull();
    expect(parseTraceparent(undefined)).toBeNull();
  });

  it('makes a child in the same trace with a new parent id and the same flags', () => {
    const child = childTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00');
    expect(child).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00$/);
    expect(child).not.toContain('00f067aa0ba902b7');
  });

  it('stamps a new record with a child of the current context, or a new root outside one', async () => {
    expect(currentTraceparent()).toBeUndefined();
    const root = traceparentForNewRecord();
    expect(parseTraceparent(root)).not.toBeNull();
    expect(traceparentForNewRecord().split('-')[1]).not.toBe(root.split('-')[1]);

    const inside = await withTraceparent(W3C_EXAMPLE, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // survives awaits
      return traceparentForNewRecord();
    });
    expect(inside.split('-')[1]).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(withTraceparent('not-a-traceparent', () => currentTraceparent())).toBeUndefined();
    expect(newRootTraceparent()).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
