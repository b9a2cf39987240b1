// SWC options shared by the build (tools/scripts/build.mjs) and the test runner
// (tools/vitest/project.mts). Path aliases come from tsconfig.base.json, so there is one
// list of `@shopstream/*` libraries and SWC rewrites them to relative requires on build.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function tsconfigPaths() {
  // tsconfig.base.json is plain JSON (no comments), so JSON.parse is enough.
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  return tsconfig.compilerOptions.paths ?? {};
}

/** @returns {import('@swc/core').Options} */
export function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: workspaceRoot,
      paths: tsconfigPaths(),
    },
    module: { type: 'commonjs', strict: true },
    sourceMaps: true,
  };
}
