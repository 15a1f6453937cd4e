import type { Config } from 'jest';

// Tests run against the TypeScript sources: swc strips the types, and `pnpm typecheck`
// (part of `pnpm test`) is what fails the run on a type error.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/test', '<rootDir>/bench'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: {
    '^@rendezvous/(domain|notifications|adapters)/testing$': '<rootDir>/packages/$1/src/testing/index.ts',
    '^@rendezvous/adapters/test-servers$': '<rootDir>/packages/adapters/src/test-servers/index.ts',
    '^@rendezvous/adapters/(postgres|eventstoredb|smtp|eml)$': '<rootDir>/packages/adapters/src/$1.ts',
    '^@rendezvous/(domain|notifications|adapters)$': '<rootDir>/packages/$1/src/index.ts',
  },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/scripts/summary-reporter.cjs'],
};

export default config;
