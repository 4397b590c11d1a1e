/**
 * Page objects for the built docs site: paths, Starlight's own controls, the Authentication guide
 * and the Scalar API Reference.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Paths of the site's pages, relative to the test server's base URL. */
export const PATHS = {
  home: '/',
  guide: '/guides/authentication/',
  apiReference: '/api-reference/',
  tokenDecoder: '/tools/token-decoder/',
  notFound: '/no-such-page/',
} as const;

export type ThemeMode = 'light' | 'dark';

/**
 * The API servers in the dropdown's order. The URLs are the build defaults from `src/settings.ts`
 * unless the same `DOCS_SERVER_*_URL` variables that configured the build are set for the tests.
 */
export const SERVERS = [
  {
    name: 'Production',
    url: process.env.DOCS_SERVER_PRODUCTION_URL || 'https://api.milesusp.example',
  },
  { name: 'UAT', url: process.env.DOCS_SERVER_UAT_URL || 'https://uat-api.milesusp.example' },
  { name: 'Local', url: process.env.DOCS_SERVER_LOCAL_URL || 'http://localhost:8000' },
] as const;

/** Security schemes of the OpenAPI document, in the order Scalar lists them. */
export const SECURITY_SCHEMES = [
  'BearerAuth',
  'ApiKeyAuth',
  'VendorTokenAuth',
  'EnrollmentFormVendorTokenAuth',
] as const;

/** Makes every later page load of `page` start in `mode`, the way a stored choice does. */
export async function storeStarlightTheme(page: Page, mode: ThemeMode): Promise<void> {
  await page.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), mode);
}

/** Parts of Starlight's layout that every page has. */
export class StarlightChrome {
  readonly header: Locator;
  readonly themeSelect: Locator;
  readonly searchButton: Locator;
  readonly searchDialog: Locator;

  constructor(readonly page: Page) {
    this.header = page.locator('header.header');
    // The mobile menu contains a second theme select, shown only at narrow widths.
    this.themeSelect = page.locator('starlight-theme-select select').filter({ visible: true });
    this.searchButton = page.locator('site-search button[data-open-modal]');
    this.searchDialog = page.locator('site-search dialog');
  }

  /** Picks `mode` in the theme select and waits for Starlight to apply it to <html>. */
  async selectTheme(mode: ThemeMode): Promise<void> {
    await this.themeSelect.selectOption(mode);
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', mode);
  }
}

/** The Authentication guide. */
export class GuidePage {
  readonly chrome: StarlightChrome;
  /** The rendered MDX body, without Starlight's sidebar and table of contents. */
  readonly content: Locator;
  readonly diagram: Locator;
  readonly steps: Locator;

  constructor(readonly page: Page) {
    this.chrome = new StarlightChrome(page);
    this.content = page.locator('main .sl-markdown-content');
    this.diagram = this.content.locator('figure.resolution');
    this.steps = this.content.locator('ol.sl-steps');
  }

  async goto(): Promise<void> {
    await this.page.goto(PATHS.guide);
  }

  /** Returns the list item of the guide body that contains `text`. */
  listItem(text: string): Locator {
    return this.content.getByRole('listitem').filter({ hasText: text });
  }

  /** Returns the paragraph of the guide body that contains `text`. */
  paragraph(text: string): Locator {
    return this.content.locator('p').filter({ hasText: text });
  }

  /** Returns the table row whose first cell is exactly `text`. */
  tableRow(text: string): Locator {
    return this.content
      .getByRole('row')
      .filter({ has: this.page.locator('td:first-child', { hasText: exactText(text) }) });
  }

  /** Returns the first bulleted list after the heading with the id `headingId`. */
  listAfterHeading(headingId: string): Locator {
    return this.content.locator(
      `xpath=.//div[contains(@class, "sl-heading-wrapper")][*[@id="${headingId}"]]/following-sibling::ul[1]`,
    );
  }

  tab(label: string): Locator {
    return this.content.getByRole('tab', { name: label, exact: true });
  }

  /** Returns the tab panel that `tab(label)` controls. */
  async tabPanel(label: string): Promise<Locator> {
    const panelId = await this.tab(label).getAttribute('href');
    expect(panelId, `The tab "${label}" has no href to its panel`).toMatch(/^#/);
    return this.content.locator(`[role="tabpanel"][id="${panelId!.slice(1)}"]`);
  }
}

/**
 * The API Reference page. `#api-reference-root` first contains a static list of the operations,
 * which the page script replaces with Scalar once Scalar has rendered, so every Scalar locator
 * here is scoped to Scalar's own element.
 */
export class ApiReferencePage {
  readonly chrome: StarlightChrome;
  readonly root: Locator;
  /** Scalar's outermost element, which carries its colour variables and background. */
  readonly scalarApp: Locator;
  readonly serverButton: Locator;
  /** The server's `description` from the OpenAPI document, shown under the dropdown. */
  readonly serverDescription: Locator;
  readonly authButton: Locator;
  readonly apiClient: Locator;
  readonly scalarSearch: Locator;

  constructor(readonly page: Page) {
    this.chrome = new StarlightChrome(page);
    this.root = page.locator('#api-reference-root');
    this.scalarApp = this.root.locator('.scalar-app.scalar-api-reference');
    const serverCard = this.scalarApp.locator('.scalar-reference-intro-server');
    this.serverButton = serverCard.locator('button[aria-haspopup="listbox"]');
    this.serverDescription = serverCard.locator('.markdown');
    this.authButton = this.scalarApp
      .locator('.scalar-reference-intro-auth')
      .getByRole('button', { name: /^Selected Auth Type:/ });
    this.apiClient = page.getByRole('dialog', { name: 'API Client' });
    this.scalarSearch = page.locator('.scalar-modal-search');
  }

  /** Opens the page and waits until Scalar has replaced the static list and shows its introduction. */
  async goto(): Promise<void> {
    await this.page.goto(PATHS.apiReference);
    await this.waitForScalar();
  }

  /**
   * Waits for Scalar's document title and server selector. Scalar renders operations later and
   * only near the viewport, so an operation heading is no sign of a finished mount.
   */
  async waitForScalar(): Promise<void> {
    await expect(this.scalarApp).toBeVisible();
    await expect(
      this.scalarApp.getByRole('heading', { level: 1, name: 'Miles USP API' }),
    ).toBeVisible();
    await expect(this.serverButton).toBeVisible();
  }

  /** Returns the heading that Scalar renders for the operation with this `summary`. */
  operationHeading(summary: string): Locator {
    return this.scalarApp.getByRole('heading', { name: summary, exact: true });
  }

  /** Returns the entry of Scalar's sidebar that links to the operation with this `summary`. */
  sidebarLink(summary: string): Locator {
    return this.scalarApp.getByRole('link', { name: summary });
  }

  /** Returns the "Test Request" button of the operation `method path`, such as `post /v7/verify-otp`. */
  testRequestButton(method: string, path: string): Locator {
    return this.scalarApp.getByRole('button', { name: `Test Request (${method} ${path})` });
  }

  /** Opens the server dropdown and returns its listbox. */
  async openServerList(): Promise<Locator> {
    await this.serverButton.click();
    const buttonId = await this.serverButton.getAttribute('id');
    const listbox = this.page.locator(`[role="listbox"][aria-labelledby="${buttonId}"]`);
    await expect(listbox).toBeVisible();
    return listbox;
  }

  /** Opens the authentication selector and returns the listbox of its searchable combobox. */
  async openAuthList(): Promise<Locator> {
    await this.authButton.click();
    const combobox = this.page.locator('input[role="combobox"][aria-expanded="true"]');
    await expect(combobox).toBeVisible();
    const listboxId = await combobox.getAttribute('aria-controls');
    const listbox = this.page.locator(`[role="listbox"][id="${listboxId}"]`);
    await expect(listbox).toBeVisible();
    return listbox;
  }

  /** Reads Scalar's background as the browser paints it, and the variable it comes from. */
  async scalarBackground(): Promise<{ color: string; variable: string }> {
    return this.scalarApp.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        color: style.backgroundColor,
        variable: style.getPropertyValue('--scalar-background-1').trim(),
      };
    });
  }
}

/** Builds a pattern that matches `text` as the whole, whitespace-trimmed text of an element. */
function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Computes the WCAG relative luminance (0 black to 1 white) of a CSS `rgb()` or `rgba()` colour. */
export function relativeLuminance(color: string): number {
  const channels = color
    .match(/[\d.]+/g)
    ?.slice(0, 3)
    .map(Number);
  if (!channels || channels.length < 3) {
    throw new Error(`Invalid colour "${color}": expected an rgb() or rgba() value.`);
  }
  const [red, green, blue] = channels.map((value) => {
    const channel = value / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}
