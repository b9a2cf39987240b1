// Fuzzing, seeded and reproducible: SPS_FUZZ_SEED=<n> replays a run, SPS_FUZZ_ITERATIONS=<n>
// runs longer (default 3000 per suite). The seed is printed in every failure message.
//
// 1. Decoders: every request and response decoder of every API and version, fed random and
//    mutated bytes, either returns or throws SpsError SPS_ERR_MALFORMED — never a RangeError,
//    never a hang, never an allocation out of proportion to the input.
// 2. Server: thousands of mutated kafkajs-encoded frames over real sockets; the server stays
//    up, retained memory stays bounded, and a well-behaved client on another connection gets
//    correct answers throughout.
import { hasSpsCode } from '@shopstream/sps-core';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerFor } from '../handlers/handler';
import { type ApiKey } from '../protocol/api-keys';
import { API_CODECS } from '../protocol/apis';
import { codecFor, decodeResponse, encodeWith } from '../protocol/codec';
import { KafkaReader } from '../protocol/kafka-reader';
import { type KafkaServer } from '../server/kafka-server';
import { kafkajsCorpus } from './helpers/corpus';
import { mutate } from './helpers/mutate';
import { Prng, runSeed } from './helpers/prng';
import { RawClient, sleep, waitFor } from './helpers/raw-client';
import { sample } from './helpers/samples';
import { type LogLine, metadataStub, startServer } from './helpers/test-server';

const ITERATIONS = Number(process.env['SPS_FUZZ_ITERATIONS'] ?? 3000);
const KEYS = Object.keys(API_CODECS).map(Number) as ApiKey[];

function withSeed<T>(seed: number, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Error)
      error.message = `[fuzz seed ${seed}; replay with SPS_FUZZ_SEED=${seed}] ${error.message}`;
    throw error;
  }
}

/** Leaves (numbers, strings, booleans, nulls, buffers) in a decoded value. */
function leaves(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + leaves(v), 1);
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.values(value).reduce((n: number, v) => n + leaves(v), 1);
  }
  return 1;
}

describe('decoder fuzz', () => {
  const seed = runSeed();

  it(`every decoder returns or throws SPS_ERR_MALFORMED (${ITERATIONS} inputs per API)`, () =>
    withSeed(seed, () => {
      const rng = new Prng(seed);
      const unexpected: string[] = [];
      for (const key of KEYS) {
        const codec = codecFor(key);
        for (let i = 0; i < ITERATIONS; i++) {
          const v = codec.versions[rng.int(0, codec.versions.length - 1)]!;
          const field = rng.chance(0.5) ? v.request : v.response;
          let input: Buffer;
          if (rng.chance(0.25)) input = rng.bytes(rng.int(0, 96));
          else {
            const valid = encodeWith(field, sample(field, rng));
            const framed = Buffer.alloc(valid.length + 4);
            valid.copy(framed, 4);
            input = mutate(framed, rng).subarray(4);
          }
          const started = performance.now();
          try {
            const reader = new KafkaReader(input);
            const decoded = field.read(reader);
            // No allocation out of proportion to the input: counts are bounded by bytes left.
            if (leaves(decoded) > 8 * input.length + 64)
              unexpected.push(
                `${codec.name} v${v.version}: ${leaves(decoded)} leaves from ${input.length} bytes`,
              );
          } catch (error) {
            if (!hasSpsCode(error, 'SPS_ERR_MALFORMED')) {
              unexpected.push(
                `${codec.name} v${v.version}: ${String(error)} for ${input.toString('hex')}`,
              );
            }
          }
          // A hang, not a slow machine: inputs are < 1 KiB, decoding one takes microseconds.
          if (performance.now() - started > 1000)
            unexpected.push(`${codec.name} v${v.version}: slow decode of ${input.length} bytes`);
        }
      }
      expect(unexpected.slice(0, 5).join('\n')).toBe('');
    }));

  it('the top-level decoders reject trailing bytes as malformed', () =>
    withSeed(seed, () => {
      const rng = new Prng(seed ^ 0x5a5a);
      for (const key of KEYS) {
        const codec = codecFor(key);
        for (const v of codec.versions) {
          const body = Buffer.concat([
            encodeWith(v.response, sample(v.response, rng)),
            Buffer.from([0]),
          ]);
          let thrown: unknown;
          try {
            decodeResponse(key, v.version, body);
          } catch (e) {
            thrown = e;
          }
          expect(hasSpsCode(thrown, 'SPS_ERR_MALFORMED'), `${codec.name} v${v.version}`).toBe(true);
        }
      }
    }));
});

describe('server fuzz over real sockets', () => {
  const seed = runSeed();
  let server: KafkaServer;
  let saslServer: KafkaServer;
  let port = 0;
  let saslPort = 0;
  let corpus: Buffer[] = [];
  let handled = 0;
  const logs: LogLine[][] = [];

  // Every API gets a handler that answers with an all-zero-error response shaped like the
  // request, so valid frames go the whole way through decode → handler → encode.
  function echo<K extends ApiKey>(key: K): HandlerFor<K> {
    return (request) => {
      handled++;
      return Promise.resolve(API_CODECS[key].errorResponse(request, 0));
    };
  }

  beforeAll(async () => {
    corpus = await kafkajsCorpus();
    for (const users of [undefined, { alice: 's3cret' }]) {
      const started = await startServer({
        maxFrameBytes: 64 * 1024,
        idleTimeoutMs: 2000,
        ...(users === undefined ? {} : { users }),
      });
      for (const key of KEYS)
        if (key !== 17 && key !== 36 && key !== 18) started.server.register(key, echo(key));
      started.server.register(
        3,
        metadataStub(() => started.port),
      );
      logs.push(started.log);
      if (users === undefined) [server, port] = [started.server, started.port];
      else [saslServer, saslPort] = [started.server, started.port];
    }
  });

  afterAll(async () => {
    await Promise.all([server.close(), saslServer.close()]);
  });

  /** Sends `frames` on a fresh connection and closes it (the server may close first). */
  async function blast(targetPort: number, frames: Buffer[], rng: Prng): Promise<void> {
    await new Promise<void>((resolve) => {
      const socket = connect({ port: targetPort, host: '127.0.0.1' }, () => {
        for (const f of frames) socket.write(f);
        setTimeout(() => (rng.chance(0.5) ? socket.end() : socket.destroy()), rng.int(0, 5));
      });
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 500);
    });
  }

  it(`survives ${ITERATIONS} mutated frames while a good client keeps getting correct answers`, async () => {
    const rng = new Prng(seed);
    const good = await RawClient.connect(port);
    const before = memory();
    let correlation = 0;
    let sent = 0;
    try {
      while (sent < ITERATIONS) {
        // Often a few valid requests first (they reach the handlers), then mutations; the
        // first connection-fatal frame ends the connection, so later frames test that too.
        const batch: Buffer[] = [];
        const valid = rng.chance(0.5) ? rng.int(1, 3) : 0;
        const size = valid + rng.int(1, 6);
        for (let i = 0; i < size; i++) {
          const seedFrame = rng.pick(corpus);
          batch.push(i < valid || rng.chance(0.1) ? seedFrame : mutate(seedFrame, rng));
        }
        sent += size;
        await blast(rng.chance(0.2) ? saslPort : port, batch, rng);
        if (sent % 100 < size) {
          const corr = ++correlation;
          good.send(3, 6, corr, {
            topics: null,
            allowAutoTopicCreation: false,
            includeClusterAuthorizedOperations: false,
            includeTopicAuthorizedOperations: false,
          });
          const answer = await good.next(3000);
          expect(answer.correlationId, `seed ${seed}`).toBe(corr);
          expect(
            decodeResponse(3, 6, answer.body).topics.map((t) => t.name),
            `seed ${seed}`,
          ).toEqual(['orders']);
        }
      }
      await waitFor(
        () => server.connectionStats().length === 1 && saslServer.connectionStats().length === 0,
        5000,
        `fuzz connections to close (seed ${seed})`,
      );
      await sleep(50);
      const after = memory();
      // Retained memory stays bounded: nothing per connection or per bad frame is kept.
      expect(after.heapUsed - before.heapUsed, `heap growth, seed ${seed}`).toBeLessThan(
        40 * 1024 * 1024,
      );
      expect(
        after.arrayBuffers - before.arrayBuffers,
        `arrayBuffers growth, seed ${seed}`,
      ).toBeLessThan(40 * 1024 * 1024);
      // The run reached the handlers, and hit many distinct connection-fatal conditions.
      expect(handled, `seed ${seed}`).toBeGreaterThan(ITERATIONS / 20);
      const reasons = new Set(
        logs
          .flat()
          .filter((l) => l.msg.startsWith('closing connection'))
          .map((l) => l.msg.replace(/[0-9]+/g, 'N').slice(0, 40)),
      );
      expect(reasons.size, `seed ${seed}: ${[...reasons].join(' | ')}`).toBeGreaterThan(5);
      good.send(18, 2, 99_999, {});
      expect((await good.next()).correlationId).toBe(99_999);
      const fresh = await RawClient.connect(port);
      fresh.send(18, 0, 1, {});
      expect((await fresh.next()).correlationId).toBe(1);
      fresh.destroy();
    } catch (error) {
      if (error instanceof Error)
        error.message = `[fuzz seed ${seed}; replay with SPS_FUZZ_SEED=${seed}] ${error.message}`;
      throw error;
    } finally {
      good.destroy();
    }
  });
});

function memory(): { heapUsed: number; arrayBuffers: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heapUsed, arrayBuffers };
}
