import type { Config } from 'jest';

// All unit-test projects in one run (used by `npm test` for one summary);
// `npx nx test <project>` runs a single project's tests.
const config: Config = {
  // A global option: in a multi-project run the projects' own testTimeout is ignored. The PDF
  // tests drive a real Chromium, which on a busy machine takes seconds to start and print.
  testTimeout: 30_000,
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/api-contract',
    '<rootDir>/libs/documents',
    '<rootDir>/backend',
    '<rootDir>/frontend',
  ],
};

export default config;
