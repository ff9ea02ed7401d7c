export default {
  displayName: 'documents',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // The PDF tests drive a real Chromium (a few seconds per render on a busy machine).
  testTimeout: 30000,
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/libs/documents',
};
