import { hasSpsCode } from '@shopstream/sps-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameDecoder } from './frame-decoder';

const frame = (payload: string) => {
  const body = Buffer.from(payload);
  const out = Buffer.alloc(4 + body.length);
  out.writeInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
};

afterEach(() => vi.restoreAllMocks());

describe('FrameDecoder', () => {
  it('returns every frame of a chunk, and nothing for an incomplete one', () => {
    const d = new FrameDecoder(1024);
    const bytes = Buffer.concat([
      frame('one'),
      frame(''),
      frame('three'),
      frame('four').subarray(0, 5),
    ]);
    expect(d.push(bytes).map(String)).toEqual(['one', '', 'three']);
    expect(d.bufferedBytes).toBe(1); // the size field is consumed, one body byte waits
  });

  it('reassembles a frame split at every possible point, size field included', () => {
    const bytes = Buffer.concat([frame('hello world'), frame('second')]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const d = new FrameDecoder(1024);
      const out = [...d.push(bytes.subarray(0, cut)), ...d.push(bytes.subarray(cut))];
      expect(out.map(String)).toEqual(['hello world', 'second']);
    }
  });

  it('reassembles byte by byte', () => {
    const d = new FrameDecoder(1024);
    const out: string[] = [];
    for (const b of frame('abc')) out.push(...d.push(Buffer.from([b])).map(String));
    expect(out).toEqual(['abc']);
  });

  it('rejects an oversized or negative size as soon as the 4 size bytes are in', () => {
    const spy = vi.spyOn(Buffer, 'allocUnsafe');
    const d = new FrameDecoder(100);
    d.push(Buffer.from([0, 0]));
    let thrown: unknown;
    try {
      d.push(Buffer.from([0, 101]));
    } catch (e) {
      thrown = e;
    }
    expect(hasSpsCode(thrown, 'SPS_ERR_MALFORMED')).toBe(true);
    expect(() => new FrameDecoder(100).push(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toThrow(
      /negative frame size/,
    );
    expect(spy.mock.calls.every(([n]) => n <= 4)).toBe(true);
  });

  it('never allocates a frame before all of its bytes arrived', () => {
    const d = new FrameDecoder(100 * 1024 * 1024);
    const first = Buffer.alloc(1004);
    first.writeInt32BE(100 * 1024 * 1024, 0);
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1000));
    const spy = vi.spyOn(Buffer, 'allocUnsafe');
    d.push(first);
    for (const chunk of chunks) d.push(chunk);
    expect(spy.mock.calls.every(([n]) => n <= 4)).toBe(true);
    expect(d.bufferedBytes).toBe(11_000);
  });
});
