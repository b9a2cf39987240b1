// One Vitest configuration for every project: SWC transforms the sources (so NestJS
// decorators and their design-time metadata work in tests, which esbuild cannot emit), and
// `@shopstream/*` imports resolve to library sources through tsconfig.base.json's paths.
import { basename } from 'node:path';
import swc from 'unplugin-swc';
import tsconfigPaths from 'vite-tsconfig-paths';
import { defineConfig, type UserConfig } from 'vitest/config';
import { swcOptions, workspaceRoot } from '../swc/options.mjs';

export interface ProjectTestOptions {
  /** The project's name, used for the JSON report under tmp/test-results. */
  name: string;
  /** Per-test timeout in ms. @default 20000 */
  testTimeout?: number;
}

export function projectConfig(projectDir: string, options: ProjectTestOptions): UserConfig {
  const {
    jsc,
    module: _module,
    ...rest
  } = swcOptions() as {
    jsc: Record<string, unknown>;
    module: unknown;
  };
  return defineConfig({
    root: projectDir,
    plugins: [
      tsconfigPaths({ root: workspaceRoot }),
      swc.vite({
        ...rest,
        jsc: { ...jsc, paths: undefined, baseUrl: undefined },
        module: { type: 'es6' },
      }),
    ],
    test: {
      name: options.name ?? basename(projectDir),
      include: ['src/**/*.spec.ts'],
      environment: 'node',
      testTimeout: options.testTimeout ?? 20_000,
      hookTimeout: 30_000,
      passWithNoTests: true,
      reporters: [
        'default',
        ['json', { outputFile: `${workspaceRoot}/tmp/test-results/${options.name}.json` }],
      ],
    },
  });
}
