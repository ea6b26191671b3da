/**
 * The browser suite: the real server and Debian's Chromium, driven by playwright-core. One server for
 * the whole run (global setup), files in band. Run it with `npm run test:browser`.
 */
const root = require('../../jest.config.js');

module.exports = {
  rootDir: '../..',
  displayName: 'browser',
  transform: root.projects[0].transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
  // Files share one database: the ones that end a campaign run last (sequencer.js says why).
  testSequencer: '<rootDir>/test/browser/sequencer.js',
  // Each test is a whole job done in a real browser on a shared machine.
  testTimeout: 120_000,
  maxWorkers: 1,
};
