/**
 * axe-core checks of every page in the sitemap, in the light and the dark theme, against WCAG 2.0,
 * 2.1 and 2.2 levels A and AA. Scalar's markup is checked as well, except for the rules listed in
 * SCALAR_EXCLUDED_RULES, and those rules still run on the rest of the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/network';
import { ApiReferencePage, PATHS, storeStarlightTheme, type ThemeMode } from './support/pages';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The element that Scalar renders into. */
const SCALAR_ROOT = '#api-reference-root';

/**
 * axe rules that fail inside Scalar on markup that only Scalar can change, with the reason. They
 * are skipped inside SCALAR_ROOT only.
 */
const SCALAR_EXCLUDED_RULES: Record<string, string> = {
  'color-contrast':
    "Scalar 1.76 colours its code samples with a fixed highlight.js palette (keywords, literals, strings) that is below 4.5:1 on its light background, and no CSS variable of Scalar's sets those colours.",
};

/**
 * axe rules that fail on one element that Starlight renders, with the reason. Each rule is skipped
 * on that element only.
 */
const STARLIGHT_EXCLUSIONS: Array<{ rule: string; selector: string; reason: string }> = [
  {
    rule: 'label-content-name-mismatch',
    selector: 'site-search button[data-open-modal]',
    reason:
      'Starlight 0.42 labels its search button "Search" while the button also shows the shortcut ' +
      '"Ctrl K". Changing the label needs an override of Starlight\'s Search component.',
  },
];

/** Paths of every page in the sitemap of the `dist` build, read when the tests are collected. */
function sitemapPaths(dir = 'dist'): string[] {
  const index = join(dir, 'sitemap-index.xml');
  if (!existsSync(index)) {
    throw new Error(`${index} not found. Build the site first with \`npx astro build\`.`);
  }
  const sitemaps = locations(readFileSync(index, 'utf8')).map((url) => join(dir, basename(url)));
  return sitemaps.flatMap((file) =>
    locations(readFileSync(file, 'utf8')).map((url) => new URL(url).pathname),
  );
}

function locations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.trim());
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** Lists each failing element with its rule, impact, selector and axe's summary of the failure. */
function describeViolations(results: AxeResults): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`,
    ),
  );
}

/**
 * Waits until Expressive Code has made every code block that scrolls sideways focusable. Its
 * script does that after a ResizeObserver callback and an idle callback, so a check right after
 * the load would report `scrollable-region-focusable`.
 */
async function waitForCodeBlocks(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            [...document.querySelectorAll('.expressive-code pre')].filter(
              (pre) => pre.scrollWidth > pre.clientWidth && !pre.hasAttribute('tabindex'),
            ).length,
        ),
      { message: 'Code blocks that scroll but are not focusable' },
    )
    .toBe(0);
}

/** Waits until Scalar has replaced the static view and the loading notice. */
async function waitForScalar(reference: ApiReferencePage): Promise<void> {
  await reference.waitForScalar();
  await expect(reference.scalarApp).toBeVisible();
  await expect(reference.root.locator('[data-loading]')).toHaveCount(0);
}

async function openPage(page: Page, path: string, theme: ThemeMode): Promise<void> {
  await storeStarlightTheme(page, theme);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  if (path === PATHS.apiReference) await waitForScalar(new ApiReferencePage(page));
  await waitForCodeBlocks(page);
}

const paths = [...sitemapPaths(), PATHS.notFound];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe in the ${theme} theme`, () => {
    for (const path of paths) {
      test(`${path} outside Scalar`, async ({ page }) => {
        await openPage(page, path, theme);

        const results = await new AxeBuilder({ page })
          .withTags(WCAG_TAGS)
          .exclude(SCALAR_ROOT)
          .disableRules(STARLIGHT_EXCLUSIONS.map((exclusion) => exclusion.rule))
          .analyze();

        expect(describeViolations(results)).toEqual([]);
      });

      for (const { rule, selector } of STARLIGHT_EXCLUSIONS) {
        test(`${path} ${rule} except on ${selector}`, async ({ page }) => {
          await openPage(page, path, theme);

          const results = await new AxeBuilder({ page })
            .withRules([rule])
            .exclude(SCALAR_ROOT)
            .exclude(selector)
            .analyze();

          expect(describeViolations(results)).toEqual([]);
        });
      }
    }

    test('Scalar', async ({ page }) => {
      await openPage(page, PATHS.apiReference, theme);

      const results = await new AxeBuilder({ page })
        .include(SCALAR_ROOT)
        .withTags(WCAG_TAGS)
        .disableRules(Object.keys(SCALAR_EXCLUDED_RULES))
        .analyze();

      expect(describeViolations(results)).toEqual([]);
    });
  });
}
