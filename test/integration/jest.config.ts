import type { Config } from 'jest';

// API-level tests against the real PostgreSQL and Redis of this machine: each test file
// creates and drops its own database and uses its own Redis key prefix.
const config: Config = {
  displayName: 'integration',
  rootDir: '../..',
  roots: ['<rootDir>/test/integration'],
  testMatch: ['**/*.spec.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  moduleNameMapper: {
    '^@rapportflode/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@rapportflode/documents$': '<rootDir>/libs/documents/src/index.ts',
    '^@rapportflode/documents/(docx|pdf|package)$': '<rootDir>/libs/documents/src/$1.ts',
    '^@rapportflode/api-contract$': '<rootDir>/libs/api-contract/src/index.ts',
  },
  globalSetup: '<rootDir>/test/integration/support/global-setup.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};

export default config;
