import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // oclif writes through process.stdout; keep vitest from swallowing it.
    disableConsoleIntercept: true,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The SDK's multi-line Node 20 notice would bury test output; bin/run.js sets the same for users.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
