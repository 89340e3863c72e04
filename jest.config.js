// One config, four projects, so each layer can run alone: `npx jest --selectProjects unit`.
const transform = { '^.+\\.(t|j)sx?$': '@swc/jest' };
module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { displayName: 'db', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/db/**/*.db.test.ts'] },
    { displayName: 'e2e', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'] },
    // Real Redis: REDIS_URL when set, else a private redis-server per test file (test/support/test-redis.ts).
    { displayName: 'redis', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/redis/**/*.redis.test.ts'] },
  ],
};
