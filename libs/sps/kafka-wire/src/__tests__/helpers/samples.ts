// Random values for any field of the schema language, for property tests of every codec:
// whatever we can encode must decode to the same value, and re-encode to the same bytes.
import { type Field } from '../../protocol/fields';
import { type Prng } from './prng';

const STRINGS = ['', 'orders', 'ünïcödé-✓', 'a.b_c-1', 'x'.repeat(40)];

export function sample(field: Field<unknown>, rng: Prng): unknown {
  const schema = field.schema;
  switch (schema.kind) {
    case 'int8':
      return rng.int(-128, 127);
    case 'int16':
      return rng.int(-32768, 32767);
    case 'int32':
      return rng.pick([0, -1, 1, 2147483647, -2147483648, rng.int(-1e9, 1e9)]);
    case 'int64':
      return rng.pick([
        0,
        -1,
        Number.MAX_SAFE_INTEGER,
        Number.MIN_SAFE_INTEGER,
        rng.int(-1e15, 1e15),
      ]);
    case 'boolean':
      return rng.chance(0.5);
    case 'string':
      return rng.pick(STRINGS);
    case 'nullableString':
      return rng.chance(0.2) ? null : rng.pick(STRINGS);
    case 'bytes':
      return rng.bytes(rng.int(0, 24));
    case 'nullableBytes':
      return rng.chance(0.2) ? null : rng.bytes(rng.int(0, 24));
    case 'array': {
      if (schema.nullable && rng.chance(0.2)) return null;
      const n = rng.int(0, 3);
      return Array.from({ length: n }, () => sample(schema.element, rng));
    }
    case 'struct':
      return Object.fromEntries(schema.fields.map(([name, f]) => [name, sample(f, rng)]));
    case 'absent':
      return schema.value();
  }
}
