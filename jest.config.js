/**
 * One Jest run, one summary: unit tests, the integration suite against SQLite and against MySQL,
 * and the schema check. The browser suite has its own config (test/browser/jest.config.js).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
};

const integrationMatch = ['<rootDir>/server/src/**/*.int.test.ts', '<rootDir>/test/integration/**/*.test.ts'];

module.exports = {
  // Integration files build their world over a real database; on a loaded 2-core machine that takes
  // seconds. (A global option: Jest ignores testTimeout inside a project.)
  testTimeout: 60_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/server/src/**/*.test.ts',
        '<rootDir>/client/src/**/*.test.ts',
        '<rootDir>/test/schema/**/*.test.ts',
        '<rootDir>/test/unit/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/node_modules/'],
    },
    {
      ...base,
      displayName: 'integration:sqlite',
      testMatch: integrationMatch,
      setupFiles: [...base.setupFiles, '<rootDir>/test/setup/sqlite.js'],
    },
    {
      ...base,
      displayName: 'integration:mysql',
      testMatch: integrationMatch,
      setupFiles: [...base.setupFiles, '<rootDir>/test/setup/mysql.js'],
    },
  ],
};
