// Flat ESLint config for the whole workspace: type-aware typescript-eslint rules, and Nx
// module boundaries built from the project tags of DESIGN.md (`type:*`, `scope:*`).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const noNest = { bannedExternalImports: ['@nestjs/*'] };
const KAFKAJS_ONLY_IN_DRIVER =
  'kafkajs is used only in libs/sps/client/src/drivers/kafka/: go through the SPS client.';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'tmp/**',
      'var/**',
      'coverage/**',
      '.nx/**',
      '**/vitest.config.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // What a project may depend on, by its role.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:engine',
                'type:util',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:engine',
                'type:util',
              ],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:engine', 'type:util'],
            },
            // The engine libs (sps/log, sps/kafka-wire) and utilities never import NestJS.
            {
              sourceTag: 'type:engine',
              onlyDependOnLibsWithTags: ['type:engine', 'type:util'],
              ...noNest,
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], ...noNest },
            // SPS is a library of its own: it never knows about the shop built on it. Both may
            // use scope:shared infrastructure (local PostgreSQL, mail catcher), which knows
            // neither.
            { sourceTag: 'scope:sps', onlyDependOnLibsWithTags: ['scope:sps', 'scope:shared'] },
            {
              sourceTag: 'scope:commerce',
              onlyDependOnLibsWithTags: ['scope:commerce', 'scope:sps', 'scope:shared'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  // kafkajs and its types stay inside the SPS kafka driver. Tests, fixtures and benchmarks of
  // other projects may use it as a reference client (kafka-wire, sps-core golden tests, the
  // broker); inside sps-client nothing but the driver may, its tests included.
  ...[
    {
      files: ['**/*.ts', '**/*.mts'],
      ignores: ['**/*.spec.ts', '**/__tests__/**', '**/__fixtures__/**', 'bench/**'],
    },
    { files: ['libs/sps/client/src/**/*.ts'] },
  ].map((block) => ({
    ...block,
    ignores: [...(block.ignores ?? []), 'libs/sps/client/src/drivers/kafka/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kafkajs', message: KAFKAJS_ONLY_IN_DRIVER }],
          patterns: [{ group: ['kafkajs/*'], message: KAFKAJS_ONLY_IN_DRIVER }],
        },
      ],
    },
  })),
  {
    files: ['**/*.spec.ts', '**/__tests__/**/*.ts', 'e2e/src/**/*.ts'],
    rules: {
      // Tests poke at internals and unknown JSON on purpose.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  prettier,
);
