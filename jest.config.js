/**
 * Jest transpiles only (tsconfig has isolatedModules, so ts-jest skips
 * type-checking); `npm test` type-checks once with `tsc --noEmit` instead.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
