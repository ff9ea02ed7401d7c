import type { Config } from 'jest';

// All unit-test projects in one run (used by `npm test` for one summary);
// `npx nx test <project>` runs a single project's tests.
const config: Config = {
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/api-contract',
    '<rootDir>/libs/documents',
    '<rootDir>/backend',
    '<rootDir>/frontend',
  ],
};

export default config;
