import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.{ts,tsx}", "packages/*/test/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC" },
    globalSetup: ["test/global-setup.ts"],
  },
});
