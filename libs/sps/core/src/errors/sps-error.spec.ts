import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPS_ERROR_CATALOG, type SpsErrorCode } from './catalog';
import { SpsError, hasSpsCode, isRetriable, isSpsError } from './sps-error';

const codes = Object.keys(SPS_ERROR_CATALOG) as SpsErrorCode[];

describe('SpsError', () => {
  it('carries code, retriable from the catalog, context and cause', () => {
    const cause = new Error('EIO');
    const e = new SpsError('SPS_ERR_STORAGE', 'write failed', {
      cause,
      context: { file: 'x.log' },
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('SPS_ERR_STORAGE');
    expect(e.retriable).toBe(true);
    expect(e.context).toEqual({ file: 'x.log' });
    expect(e.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({
      code: 'SPS_ERR_STORAGE',
      retriable: true,
    });
  });

  it('is recognised by shape, also when it crossed a structured clone', () => {
    const e = new SpsError('SPS_ERR_UNKNOWN_STREAM', 'nope');
    const cloned = { ...JSON.parse(JSON.stringify(e)) } as unknown;
    expect(isSpsError(e)).toBe(true);
    expect(isSpsError(cloned)).toBe(true);
    expect(hasSpsCode(cloned, 'SPS_ERR_UNKNOWN_STREAM')).toBe(true);
    expect(isSpsError(new Error('x'))).toBe(false);
    expect(isSpsError({ name: 'SpsError', code: 'SPS_ERR_MADE_UP', retriable: true })).toBe(false);
  });

  it('reads retriable from the error, never from the message', () => {
    expect(isRetriable(new SpsError('SPS_ERR_TIMEOUT', 'not retriable in words'))).toBe(true);
    expect(isRetriable(new SpsError('SPS_ERR_TIMEOUT', 'x', { retriable: false }))).toBe(false);
    expect(isRetriable(Object.assign(new Error('kafkajs'), { retriable: false }))).toBe(false);
    expect(isRetriable(new Error('retriable'))).toBeUndefined();
  });
});

describe('error catalog', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

  it.each(codes)('%s is documented in libs/sps/core/README.md', (code) => {
    expect(readme).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|`));
  });

  it('documents no code that does not exist', () => {
    const documented = [...readme.matchAll(/`(SPS_ERR_[A-Z_]+)`/g)].map((m) => m[1]);
    for (const code of documented) expect(codes).toContain(code);
  });

  it('has stable, well-formed codes and a description for each', () => {
    for (const code of codes) {
      expect(code).toMatch(/^SPS_ERR_[A-Z][A-Z_]*$/);
      expect(SPS_ERROR_CATALOG[code].description.length).toBeGreaterThan(10);
    }
  });
});
