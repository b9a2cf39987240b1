// Proof that the module boundaries of DESIGN.md are enforced by lint, not hoped for: each case
// lints a probe file placed inside a real project with the workspace's own ESLint config and
// checks the verdict of @nx/enforce-module-boundaries.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const workspaceRoot = join(__dirname, '../..');
// The probe exists only in memory, so type-aware parsing (which needs the file on disk) is
// switched off; the boundary rule works from imports and the Nx project graph alone.
const eslint = new ESLint({
  cwd: workspaceRoot,
  overrideConfig: tseslint.configs.disableTypeChecked,
});

async function boundaryErrors(projectSrc: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, {
    filePath: join(workspaceRoot, projectSrc, 'boundary-probe.ts'),
  });
  return result!.messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
    .map((m) => m.message);
}

describe('module boundaries', () => {
  it('forbids a scope:sps library from importing a scope:commerce library', async () => {
    const errors = await boundaryErrors(
      'libs/sps/core/src',
      "import { STREAMS } from '@shopstream/commerce-contracts';\nexport const s = STREAMS.orders;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/scope:sps.*can only depend on libs tagged with.*scope:sps/);
  });

  it('forbids NestJS in the engine-side libraries', async () => {
    const errors = await boundaryErrors(
      'libs/sps/core/src',
      "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/tagged with "type:util" is not allowed to import "@nestjs\/common"/);
  });

  it('allows scope:commerce to use scope:sps (so the probes above can fail for the right reason)', async () => {
    const errors = await boundaryErrors(
      'libs/commerce/contracts/src',
      "import { partitionForKey } from '@shopstream/sps-core';\nexport const p = partitionForKey('k', 3);\n",
    );
    expect(errors).toEqual([]);
  });
});
