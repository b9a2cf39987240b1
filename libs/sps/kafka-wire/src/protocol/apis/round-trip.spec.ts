// Property test of every codec, every version, both directions: a value built from the
// schema encodes, decodes back to itself, and re-encodes to the same bytes; and every API's
// error response encodes in every version. (Golden bytes against kafkajs are in each API's
// own spec; this one proves the codecs are self-consistent everywhere.)
import { describe, expect, it } from 'vitest';
import { type ApiKey } from '../api-keys';
import { codecFor, encodeWith } from '../codec';
import { type Field } from '../fields';
import { KafkaReader } from '../kafka-reader';
import { Prng } from '../../__tests__/helpers/prng';
import { sample } from '../../__tests__/helpers/samples';
import { API_CODECS } from '.';

const KEYS = Object.keys(API_CODECS).map(Number) as ApiKey[];

function roundTrip(field: Field<unknown>, value: unknown): void {
  const bytes = encodeWith(field, value);
  const reader = new KafkaReader(bytes);
  const decoded = field.read(reader);
  expect(reader.remaining).toBe(0);
  expect(decoded).toEqual(value);
  expect(encodeWith(field, decoded).equals(bytes)).toBe(true);
}

describe.each(KEYS.map((key) => [codecFor(key).name, key] as const))('%s codec', (_name, key) => {
  const codec = codecFor(key);

  it('has every version from 0 up, each one numbered right, all below the flexible version', () => {
    codec.versions.forEach((v, i) => expect(v.version).toBe(i));
    if (codec.flexibleFrom !== null)
      expect(codec.versions.length).toBeLessThanOrEqual(codec.flexibleFrom);
  });

  it.each(codec.versions.map((v) => [v.version, v] as const))(
    'v%i round-trips requests and responses',
    (version, v) => {
      const rng = new Prng(key * 1000 + version);
      for (let i = 0; i < 40; i++) {
        roundTrip(v.request, sample(v.request, rng));
        roundTrip(v.response, sample(v.response, rng));
      }
    },
  );

  it.each(codec.versions.map((v) => [v.version, v] as const))(
    'v%i encodes the error response',
    (version, v) => {
      const rng = new Prng(key * 7 + version);
      for (let i = 0; i < 10; i++) {
        const request = sample(v.request, rng);
        const response = codec.errorResponse(request, 35);
        const bytes = encodeWith(v.response, response);
        const decoded = v.response.read(new KafkaReader(bytes));
        expect(encodeWith(v.response, decoded).equals(bytes)).toBe(true);
        // Every error code slot the version has carries 35, or 0 where the slot only exists in
        // later versions (it decodes to its default).
        const codes = [...JSON.stringify(decoded).matchAll(/"errorCode":(-?\d+)/g)].map((m) =>
          Number(m[1]),
        );
        expect(codes.every((c) => c === 35 || c === 0)).toBe(true);
      }
    },
  );
});
