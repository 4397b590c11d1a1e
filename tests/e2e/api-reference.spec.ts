/**
 * The Scalar API Reference inside Starlight: servers, security schemes, the theme that follows
 * Starlight, keyboard shortcuts, the "try it" panel above the header, and Scalar's bundle staying
 * off the other pages.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/network';
import {
  ApiReferencePage,
  PATHS,
  SECURITY_SCHEMES,
  SERVERS,
  relativeLuminance,
  type ThemeMode,
} from './support/pages';

test.describe('API Reference', () => {
  let reference: ApiReferencePage;

  test.beforeEach(async ({ page }) => {
    reference = new ApiReferencePage(page);
    await reference.goto();
  });

  test('Scalar mounts the operations', async () => {
    await expect(reference.root.locator('[data-loading]')).toHaveCount(0);
    await expect(reference.operationHeading('Send an admin login OTP')).toBeVisible();

    // Scalar renders an operation far below the fold only when it is reached.
    const secondOperation = 'Verify the OTP and get an admin JWT';
    await reference.sidebarLink(secondOperation).click();
    await expect(reference.operationHeading(secondOperation)).toBeVisible();
  });

  test('server dropdown lists three servers', async () => {
    await expect(reference.serverButton).toContainText(SERVERS[0].url);
    await expect(reference.serverDescription).toHaveText(SERVERS[0].name);

    const listbox = await reference.openServerList();
    const options = listbox.getByRole('option');
    await expect(options).toHaveCount(SERVERS.length);
    for (const [index, server] of SERVERS.entries()) {
      await expect(options.nth(index), `Option ${index + 1}`).toHaveText(server.url);
    }
  });

  test('server choice shows its name', async () => {
    // Production starts selected, and a click on the selected server clears the choice.
    for (const server of [...SERVERS.slice(1), SERVERS[0]]) {
      const listbox = await reference.openServerList();
      await listbox.getByRole('option', { name: server.url, exact: true }).click();
      await expect(reference.serverButton, `Button after picking ${server.name}`).toContainText(
        server.url,
      );
      await expect(reference.serverDescription, `Name of ${server.url}`).toHaveText(server.name);
    }
  });

  test('auth selector lists four schemes', async () => {
    await expect(reference.authButton).toHaveText('Selected Auth Type: BearerAuth');

    const listbox = await reference.openAuthList();
    const options = listbox.getByRole('option');
    await expect(options).toHaveCount(SECURITY_SCHEMES.length);
    for (const [index, scheme] of SECURITY_SCHEMES.entries()) {
      await expect(options.nth(index), `Option ${index + 1}`).toHaveText(scheme);
    }
  });

  test('BearerAuth preselected', async () => {
    const listbox = await reference.openAuthList();
    for (const scheme of SECURITY_SCHEMES) {
      await expect(
        listbox.getByRole('option', { name: scheme, exact: true }),
        `aria-selected of ${scheme}`,
      ).toHaveAttribute('aria-selected', scheme === 'BearerAuth' ? 'true' : 'false');
    }
  });

  test('theme follows Starlight without reload', async ({ page }) => {
    await reference.chrome.selectTheme('light');
    const light = await reference.scalarBackground();
    await markDocument(page);

    await reference.chrome.selectTheme('dark');
    await expect.poll(() => reference.scalarBackground()).not.toEqual(light);
    const dark = await reference.scalarBackground();

    expect(await isMarked(page), 'The page reloaded when the theme changed').toBe(true);
    expect(dark.variable, '--scalar-background-1 did not change').not.toBe(light.variable);
    expect(dark.color, 'Background colour did not change').not.toBe(light.color);
    expect(brightness(light.color), `Light background is ${light.color}`).toBe('light');
    expect(brightness(dark.color), `Dark background is ${dark.color}`).toBe('dark');
    await expect(page.locator('body')).toHaveClass(/\bdark-mode\b/);

    await reference.chrome.selectTheme('light');
    await expect.poll(() => reference.scalarBackground()).toEqual(light);
    await expect(page.locator('body')).toHaveClass(/\blight-mode\b/);
  });

  test("Scalar's theme toggle hidden", async () => {
    const toggle = reference.scalarApp.getByRole('button', { name: /^Set (dark|light) mode$/ });
    await expect(toggle).toHaveCount(0);
  });

  test('Ctrl+K opens Starlight search only', async ({ page }) => {
    await expect(reference.chrome.searchButton).toBeEnabled();

    await page.keyboard.press('Control+k');

    await expect(reference.chrome.searchDialog).toBeVisible();
    await expect(reference.chrome.searchDialog).toHaveAttribute('open', '');
    // Scalar would open its modal a render later, and an absence passes at once, so wait first.
    // NOTE: 500 ms is an estimate of "later", and the Ctrl+J test checks that it is enough.
    await page.waitForTimeout(500);
    await expect(reference.scalarSearch).toHaveCount(0);
  });

  test('Ctrl+J opens Scalar search', async ({ page }) => {
    await page.keyboard.press('Control+j');

    // The same 500 ms that the Ctrl+K test waits before it checks that this modal stayed closed.
    await expect(reference.scalarSearch).toBeVisible({ timeout: 500 });
    await expect(reference.chrome.searchDialog).not.toHaveAttribute('open');
  });

  test('try-it panel opens above the header', async ({ page }) => {
    await reference.testRequestButton('post', '/v7/login-with-phone-otp').click();
    await expect(reference.apiClient).toBeVisible();

    const panel = await reference.apiClient.boundingBox();
    expect(panel, 'The API Client has no layout box').not.toBeNull();
    // One pixel below the panel's top edge is where Starlight's header would overlap it.
    const points = [
      { x: panel!.x + panel!.width / 2, y: panel!.y + 1 },
      { x: panel!.x + 8, y: panel!.y + 1 },
      { x: panel!.x + panel!.width - 8, y: panel!.y + 1 },
    ];
    for (const point of points) {
      const hit = await page.evaluate(({ x, y }) => {
        const element = document.elementFromPoint(x, y);
        return {
          inPanel: Boolean(element?.closest('[role="dialog"][aria-label="API Client"]')),
          inHeader: Boolean(element?.closest('header.header')),
          element: element ? `${element.tagName.toLowerCase()}.${element.className}` : 'nothing',
        };
      }, point);
      const where = `at (${point.x}, ${point.y}), the top element is ${hit.element}`;
      expect(hit.inHeader, `Starlight's header covers the panel ${where}`).toBe(false);
      expect(hit.inPanel, `The panel is not on top ${where}`).toBe(true);
    }
  });
});

test.describe('Scalar bundle', () => {
  /** Strings found only in Scalar's script bundle and in its stylesheet. */
  const SCALAR_SCRIPT_MARKER = '@scalar/api-reference';
  const SCALAR_STYLE_MARKER = '@layer scalar-base';

  const otherPages = [
    ['home', PATHS.home],
    ['guide', PATHS.guide],
    ['token decoder', PATHS.tokenDecoder],
  ] as const;

  for (const [name, path] of otherPages) {
    test(`not loaded on the ${name} page`, async ({ page }) => {
      const assets = await loadAssets(page, path);

      expect(assets.length, `No script or stylesheet was recorded on ${path}`).toBeGreaterThan(0);
      const scripts = assets.filter((asset) => asset.body.includes(SCALAR_SCRIPT_MARKER));
      const styles = assets.filter((asset) => asset.body.includes(SCALAR_STYLE_MARKER));
      expect(
        scripts.map((asset) => asset.url),
        'Scalar scripts',
      ).toEqual([]);
      expect(
        styles.map((asset) => asset.url),
        'Scalar stylesheets',
      ).toEqual([]);
    });
  }

  test('loaded on the API Reference', async ({ page }) => {
    const assets = await loadAssets(page, PATHS.apiReference, () =>
      new ApiReferencePage(page).waitForScalar(),
    );

    const scripts = assets.filter((asset) => asset.body.includes(SCALAR_SCRIPT_MARKER));
    const styles = assets.filter((asset) => asset.body.includes(SCALAR_STYLE_MARKER));
    expect(scripts.length, 'Scalar scripts found on the API Reference').toBeGreaterThan(0);
    expect(styles.length, 'Scalar stylesheets found on the API Reference').toBeGreaterThan(0);
  });
});

/** Opens `path` and returns the body of every script and stylesheet the page loaded. */
async function loadAssets(
  page: Page,
  path: string,
  ready: () => Promise<void> = async () => {},
): Promise<Array<{ url: string; body: string }>> {
  const bodies: Array<Promise<{ url: string; body: string }>> = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    bodies.push(response.text().then((body) => ({ url: response.url(), body })));
  });

  const response = await page.goto(path);
  expect(response?.status(), `HTTP status of ${path}`).toBe(200);
  await ready();
  // Lazy chunks load after the `load` event.
  await page.waitForLoadState('networkidle');
  return Promise.all(bodies);
}

function brightness(color: string): ThemeMode {
  return relativeLuminance(color) > 0.5 ? 'light' : 'dark';
}

/** Puts a marker on `window` that a reload would remove. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as Window & { __themeTestMarker?: boolean }).__themeTestMarker = true;
  });
}

async function isMarked(page: Page): Promise<boolean> {
  return page.evaluate(
    () => (window as Window & { __themeTestMarker?: boolean }).__themeTestMarker === true,
  );
}
