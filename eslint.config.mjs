import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  {
    ignores: [
      'libs/api-client/src/generated/**',
      '**/.next/**',
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      'coverage/**',
      '.nx/**',
      '**/*.json',
      'apps/web/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts', 'apps/web/**/*.tsx'] })),
  {
    files: ['**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:shared', onlyDependOnLibsWithTags: ['type:shared'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:shared'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:shared'] },
            { sourceTag: 'type:search', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:shared'] },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: ['type:shared'] },
            { sourceTag: 'type:demo', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:shared'] },
            {
              sourceTag: 'type:composition',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:search',
                'type:platform',
                'type:shared',
                'type:migrations',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:composition',
                'type:demo',
                'type:domain',
                'type:search',
                'type:platform',
                'type:shared',
                'type:migrations',
              ],
            },
            { sourceTag: 'type:api-client', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:api-client'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:api-client', 'type:ui'] },
            // The test harness may import every floor; only tests and benchmarks (type:e2e) import it.
            {
              sourceTag: 'type:test',
              onlyDependOnLibsWithTags: [
                'type:composition',
                'type:demo',
                'type:domain',
                'type:search',
                'type:platform',
                'type:shared',
                'type:migrations',
                'type:api-client',
              ],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'type:test',
                'type:composition',
                'type:demo',
                'type:domain',
                'type:search',
                'type:platform',
                'type:shared',
                'type:migrations',
                'type:api-client',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
];
