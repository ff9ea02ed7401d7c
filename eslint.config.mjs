import nx from '@nx/eslint-plugin';

// Module boundaries (see docs/architecture.md):
//  - the frontend never imports the backend, and the backend never imports the frontend;
//  - libs/domain imports nothing but itself: no framework, no package at all;
//  - libs/api-contract holds request/response shapes and may only use libs/domain;
//  - in the backend, SQL is written only in `*.repository.ts` files (and migrations and the
//    database infrastructure), and a module never imports another module's repository: it asks
//    that module's exported service.
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', 'tmp', 'data', 'coverage', 'test-results'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared'] },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:frontend', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], allowedExternalImports: [] },
            {
              // The document model and its renderers: the model and HTML need nothing outside; DOCX
              // uses the docx package, PDF drives Chromium through playwright-core (entry points of their own).
              sourceTag: 'type:documents',
              onlyDependOnLibsWithTags: ['type:domain', 'type:documents'],
              allowedExternalImports: ['docx', 'docx/charts', 'playwright-core', 'pdf-lib', 'fflate', 'node:*'],
            },
            {
              sourceTag: 'type:contract',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contract'],
              allowedExternalImports: [],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['backend/src/**/*.ts'],
    ignores: ['backend/src/**/*.repository.ts', 'backend/src/database/**', 'backend/src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'SQL belongs in a *.repository.ts of the module that owns the table (docs/architecture.md, "Data layer").',
        },
      ],
    },
  },
  {
    files: ['backend/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+[^./][^/]*/(.*/)?[^/]*\\.repository$',
              message: "A module asks another module's exported service, never its repository (docs/architecture.md, \"Data layer\").",
            },
          ],
        },
      ],
    },
  },
];
