/**
 * The cluster suite: a 3-node MariaDB Galera cluster started by the suite itself (Debian's galera-4),
 * one server process per node. Files in band; minutes, not seconds. Run it with `npm run test:cluster`.
 */
const root = require('../../jest.config.js');

module.exports = {
  rootDir: '../..',
  displayName: 'cluster',
  transform: root.projects[0].transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  testMatch: ['<rootDir>/test/cluster/**/*.test.ts'],
  testTimeout: 300_000,
  maxWorkers: 1,
};
