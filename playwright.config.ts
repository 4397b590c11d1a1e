import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/support/browser';
import { API_PORT, FIXTURE_PORT, GITHUB_PORT, SITE_PORT } from './tests/support/ports';

const serve = (dir: string, port: number, extra = '') => ({
  // The production build as a CDN serves it, never the dev server.
  command: `node tests/support/static-server.mjs --dir ${dir} --port ${port} ${extra}`.trim(),
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: false,
  timeout: 30_000,
});

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 45_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.01 } },
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  use: {
    baseURL: `http://127.0.0.1:${SITE_PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: [
    serve('dist', SITE_PORT, '--headers'),
    // The site built from the test fixture document that has an operation of every auth mode.
    serve('dist-fixture', FIXTURE_PORT, '--headers'),
    // The site built from GitHub's REST description, a document with 1,000+ operations.
    serve('dist-github', GITHUB_PORT, '--headers'),
    {
      command: `node tests/support/api-server.mjs --port ${API_PORT} --allow-origin http://127.0.0.1:${FIXTURE_PORT}`,
      url: `http://localhost:${API_PORT}/__test/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
