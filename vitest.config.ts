import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // A ceiling for tests that train or build for real on a shared 2-core machine; not a speed assert.
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: "forks",
  },
});
