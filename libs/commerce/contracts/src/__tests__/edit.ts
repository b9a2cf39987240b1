/** Marks a field to delete in {@link edit}. */
export const REMOVE = Symbol('remove');

/**
 * A deep copy of `base` with some fields changed, as a client (or a buggy producer) would send
 * it. Keys are dotted paths, array positions are numbers: `{ 'items.0.quantity': -1 }`.
 */
export function edit(base: unknown, changes: Record<string, unknown>): unknown {
  const copy = structuredClone(base);
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    let node = copy as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys[keys.length - 1]!;
    if (value === REMOVE) delete node[last];
    else node[last] = value;
  }
  return copy;
}
