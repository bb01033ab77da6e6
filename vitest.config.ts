import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Device, printer and browser tests start real processes; two cores are what CI has.
    maxWorkers: 2,
  },
});
