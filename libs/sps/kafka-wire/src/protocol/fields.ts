/**
 * A tiny schema language for Kafka's classic (non-flexible) encodings. A message version is a
 * `struct` of named fields in wire order; the same description reads and writes, so a codec
 * cannot decode one layout and encode another. Field names follow Kafka's JSON message
 * definitions (clients/src/main/resources/common/message/*.json), camelCased.
 *
 * Versioning works like those JSON files: the oldest version lists every field of the
 * unified message type in wire order, with `absent(default)` for fields that version does not
 * carry; a later version spreads the earlier field list and overrides only what changed.
 * Object spread keeps the position of an overridden key, so the wire order stays right:
 *
 * ```ts
 * const partitionV0 = { partitionIndex: int32, logStartOffset: absent(-1), maxBytes: int32 };
 * const partitionV5 = { ...partitionV0, logStartOffset: int64 }; // int32 int64 int32
 * ```
 *
 * Every read is bounds-checked by {@link KafkaReader} (`SPS_ERR_MALFORMED`, never a
 * RangeError), and every array count is checked against `count * minSize <= bytes left`
 * before a single element is allocated.
 */
import { type KafkaReader } from './kafka-reader';
import { type KafkaWriter } from './kafka-writer';

/** What a field is, for introspection (tests generate sample values from it). */
export type FieldSchema =
  | {
      readonly kind:
        | 'int8'
        | 'int16'
        | 'int32'
        | 'int64'
        | 'boolean'
        | 'string'
        | 'nullableString'
        | 'bytes'
        | 'nullableBytes';
    }
  | { readonly kind: 'array'; readonly nullable: boolean; readonly element: Field<unknown> }
  | { readonly kind: 'struct'; readonly fields: ReadonlyArray<readonly [string, Field<unknown>]> }
  | { readonly kind: 'absent'; readonly value: () => unknown };

/** One wire type: how to read it, write it, and the fewest bytes it can take. */
export interface Field<T> {
  readonly schema: FieldSchema;
  /** Smallest encoding in bytes (bounds array counts before allocation). */
  readonly minSize: number;
  read(reader: KafkaReader, name?: string): T;
  write(writer: KafkaWriter, value: T, name?: string): void;
}

/** A struct's field list: one wire type per property of `T`, in wire order. */
export type Fields<T> = { readonly [K in keyof T]-?: Field<T[K]> };

function primitive<T>(
  kind: 'int8' | 'int16' | 'int32' | 'int64' | 'boolean',
  minSize: number,
  read: (r: KafkaReader, name: string) => T,
  write: (w: KafkaWriter, v: T, name: string) => void,
): Field<T> {
  return {
    schema: { kind },
    minSize,
    read: (r, name = kind) => read(r, name),
    write: (w, v, name = kind) => write(w, v, name),
  };
}

export const int8: Field<number> = primitive(
  'int8',
  1,
  (r) => r.int8(),
  (w, v, name) => w.int8(w.checkedInt(v, 8, name)),
);
export const int16: Field<number> = primitive(
  'int16',
  2,
  (r) => r.int16(),
  (w, v, name) => w.int16(w.checkedInt(v, 16, name)),
);
export const int32: Field<number> = primitive(
  'int32',
  4,
  (r) => r.int32(),
  (w, v, name) => w.int32(w.checkedInt(v, 32, name)),
);
/** INT64 as a JavaScript number: offsets, timestamps and producer ids must be safe integers. */
export const int64: Field<number> = primitive(
  'int64',
  8,
  (r, name) => r.int64Number(name),
  (w, v, name) => w.int64Number(v, name),
);
export const bool: Field<boolean> = primitive(
  'boolean',
  1,
  (r) => r.boolean(),
  (w, v) => w.boolean(v),
);

/** STRING (int16 length, never null). */
export const str: Field<string> = {
  schema: { kind: 'string' },
  minSize: 2,
  read: (r, name) => r.string(name),
  write: (w, v, name) => w.string(v, name),
};

/** NULLABLE_STRING (int16 length, -1 = null). */
export const nullableStr: Field<string | null> = {
  schema: { kind: 'nullableString' },
  minSize: 2,
  read: (r, name) => r.nullableString(name),
  write: (w, v, name) => w.nullableString(v, name),
};

/** BYTES (int32 length, never null); decoded as a copy. */
export const bytes: Field<Buffer> = {
  schema: { kind: 'bytes' },
  minSize: 4,
  read: (r, name) => r.bytes32(name),
  write: (w, v) => w.bytes32(v),
};

/** NULLABLE_BYTES (int32 length, -1 = null); decoded as a copy. */
export const nullableBytes: Field<Buffer | null> = {
  schema: { kind: 'nullableBytes' },
  minSize: 4,
  read: (r, name) => r.nullableBytes32(name),
  write: (w, v) => w.nullableBytes32(v),
};

/**
 * RECORDS: a nullable int32-length blob, kept as raw bytes. The wire layer never decodes
 * record batches (the engine validates and stores them opaquely).
 */
export const records: Field<Buffer | null> = nullableBytes;

/** ARRAY of `element` (int32 count, never null). */
export function array<T>(element: Field<T>): Field<T[]> {
  return {
    schema: { kind: 'array', nullable: false, element },
    minSize: 4,
    read: (r, name = 'array') =>
      readElements(r, element, r.arrayCount(element.minSize, false, name) ?? 0, name),
    write: (w, v, name) => writeElements(w, element, v, name),
  };
}

/** Nullable ARRAY of `element` (int32 count, -1 = null). */
export function nullableArray<T>(element: Field<T>): Field<T[] | null> {
  return {
    schema: { kind: 'array', nullable: true, element },
    minSize: 4,
    read: (r, name = 'array') => {
      const count = r.arrayCount(element.minSize, true, name);
      return count === null ? null : readElements(r, element, count, name);
    },
    write: (w, v, name) => (v === null ? void w.int32(-1) : writeElements(w, element, v, name)),
  };
}

function readElements<T>(r: KafkaReader, element: Field<T>, count: number, name: string): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(element.read(r, name));
  return out;
}

function writeElements<T>(w: KafkaWriter, element: Field<T>, values: T[], name?: string): void {
  w.int32(values.length);
  for (const v of values) element.write(w, v, name);
}

/**
 * An ARRAY that this version cannot send as null, for a message type whose later versions
 * allow null: decodes as a list, and a null value is written as an empty list (what "all" or
 * "none" was spelled as before null arrived — the caller picks the meaning per version).
 */
export function arrayNullAsEmpty<T>(element: Field<T>): Field<T[] | null> {
  const list = array(element);
  return { ...list, write: (w, v, name) => list.write(w, v ?? [], name) };
}

/**
 * A field this version does not carry: nothing on the wire, decodes to `value`, and a value
 * set by the caller is dropped on encode (as Kafka drops fields a version does not have).
 */
export function absent<T extends number | string | boolean | null>(value: T): Field<T> {
  return {
    schema: { kind: 'absent', value: () => value },
    minSize: 0,
    read: () => value,
    write: () => undefined,
  };
}

/** An array field this version does not carry: decodes to a fresh empty array. */
export function absentArray<T>(): Field<T[]> {
  return {
    schema: { kind: 'absent', value: () => [] },
    minSize: 0,
    read: () => [],
    write: () => undefined,
  };
}

/** A struct: the fields of `T` in wire order (the key order of `fields`). */
export function struct<T>(fields: Fields<T>): Field<T> {
  const entries = Object.entries<Field<unknown>>(fields);
  return {
    schema: { kind: 'struct', fields: entries },
    minSize: entries.reduce((sum, [, f]) => sum + f.minSize, 0),
    read: (r) => {
      const out: Record<string, unknown> = {};
      for (const [key, field] of entries) out[key] = field.read(r, key);
      return out as T;
    },
    write: (w, v) => {
      const record = v as Record<string, unknown>;
      for (const [key, field] of entries) field.write(w, record[key], key);
    },
  };
}
