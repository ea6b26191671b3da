/** The browser suite: the real server and Debian's Chromium, driven by playwright-core. */
const root = require('../../jest.config.js');

module.exports = {
  rootDir: '../..',
  displayName: 'browser',
  transform: root.projects[0].transform,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testTimeout: 90_000,
};
