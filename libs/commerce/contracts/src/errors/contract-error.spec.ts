import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkspaceRoot } from '../generate/workspace-root';
import { CONTRACT_ERROR_CATALOG, ContractError, isContractError } from './contract-error';

describe('ContractError', () => {
  it('carries its code, the issues and a message naming the fields', () => {
    const error = new ContractError('COMMERCE_ERR_INVALID_EVENT', [
      { field: 'customer.email', message: 'is required' },
      { field: '', message: 'the record has no value' },
    ]);
    expect(error.message).toBe('customer.email: is required; the record has no value');
    expect(error.retriable).toBe(false);
    expect(isContractError(error)).toBe(true);
  });

  it('is recognised by shape, also across copies of the library', () => {
    const copy = { name: 'ContractError', code: 'COMMERCE_ERR_UNKNOWN_PROMO', issues: [] };
    expect(isContractError(copy)).toBe(true);
    expect(isContractError({ ...copy, code: 'SPS_ERR_TIMEOUT' })).toBe(false);
    expect(isContractError(new Error('x'))).toBe(false);
  });

  it('every code is documented in the README', () => {
    const readme = readFileSync(
      join(findWorkspaceRoot(), 'libs/commerce/contracts/README.md'),
      'utf8',
    );
    for (const code of Object.keys(CONTRACT_ERROR_CATALOG)) expect(readme).toContain(`\`${code}\``);
  });
});
