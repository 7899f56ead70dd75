import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Builds and a real browser run in these tests: seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: builds and Chromium do not gain from running side by side.
    fileParallelism: false,
    // VitePress's theme modules import without extensions, as Vite resolves them.
    server: { deps: { inline: [/vitepress\/dist\/client\//] } },
  },
})
