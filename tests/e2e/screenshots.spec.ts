/**
 * Visual baselines of each page in light and dark mode, at a phone width and a desktop width.
 * Content pages are captured whole. The API Reference is captured in the viewport only, once Scalar
 * has mounted, because Scalar renders its operations lazily as the reader scrolls.
 * Update the baselines with `npx playwright test tests/e2e/screenshots.spec.ts --update-snapshots`.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/network';
import { ApiReferencePage, PATHS, storeStarlightTheme, type ThemeMode } from './support/pages';

const VIEWPORTS = {
  narrow: { width: 390, height: 844 },
  wide: { width: 1440, height: 900 },
} as const;

const THEMES: ThemeMode[] = ['light', 'dark'];

const CONTENT_PAGES = [
  { name: 'home', path: PATHS.home },
  { name: 'guide', path: PATHS.guide },
  { name: 'token-decoder', path: PATHS.tokenDecoder },
] as const;

/** Waits for the network to go idle and the web fonts to load, so the capture does not race them. */
async function waitForSettledPage(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  for (const theme of THEMES) {
    test.describe(`${size}, ${theme}`, () => {
      test.use({ viewport });

      test.beforeEach(async ({ page }) => {
        await storeStarlightTheme(page, theme);
      });

      for (const { name, path } of CONTENT_PAGES) {
        test(`${name} page`, async ({ page }) => {
          await page.goto(path);
          await waitForSettledPage(page);
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

          await expect(page).toHaveScreenshot(`${name}-${theme}-${size}.png`, {
            fullPage: true,
            animations: 'disabled',
          });
        });
      }

      test('API Reference viewport', async ({ page }) => {
        const reference = new ApiReferencePage(page);
        await reference.goto();
        await waitForSettledPage(page);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

        await expect(page).toHaveScreenshot(`api-reference-${theme}-${size}.png`, {
          animations: 'disabled',
        });
      });
    });
  }
}
