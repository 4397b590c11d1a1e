/**
 * The API Reference and the token decoder with the keyboard alone: Tab from the top of the page
 * reaches each control in order, and Enter, the arrow keys and Escape operate them.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/network';
import { ApiReferencePage, PATHS, SERVERS } from './support/pages';

/** Tab presses after which a control counts as unreachable. */
const MAX_TAB_PRESSES = 120;

/** Describes the focused element by tag, id and text, for failure messages. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const id = element.id ? `#${element.id}` : '';
    const label =
      element.getAttribute('aria-label') ??
      element.getAttribute('placeholder') ??
      element.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${element.tagName.toLowerCase()}${id} "${label}"`;
  });
}

/**
 * Presses Tab until `target` has focus. Fails with the elements that focus passed through when
 * `target` is not reached within MAX_TAB_PRESSES.
 */
async function tabTo(page: Page, target: Locator, name: string): Promise<void> {
  await expect(target, `${name} is not visible`).toBeVisible();
  const passed: string[] = [];
  for (let presses = 0; presses < MAX_TAB_PRESSES; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
    passed.push(await describeFocus(page));
  }
  throw new Error(
    `Tab did not reach ${name} in ${MAX_TAB_PRESSES} presses. Focus went through: ${passed.join(' > ')}`,
  );
}

test.describe('API Reference with the keyboard', () => {
  test('keyboard alone reaches and runs try-it', async ({ page }) => {
    const reference = new ApiReferencePage(page);
    await reference.goto();
    await expect(reference.scalarApp).toBeVisible();
    const tokenField = reference.root.getByPlaceholder('Token').first();

    await tabTo(
      page,
      page.getByRole('button', { name: 'Forget credentials' }),
      '"Forget credentials"',
    );
    await tabTo(
      page,
      reference.root.getByRole('button', { name: /Search/ }).first(),
      'Scalar search',
    );
    await tabTo(
      page,
      reference.root.getByRole('link', { name: /^Send an admin login OTP/ }).first(),
      "the first operation in Scalar's sidebar",
    );
    await tabTo(page, reference.serverButton, 'the server selector');
    await tabTo(page, tokenField, 'the token field');
    await page.keyboard.type('demo-keyboard-token');
    await expect(tokenField).toHaveValue('demo-keyboard-token');
    await tabTo(
      page,
      reference.testRequestButton('post', '/v7/login-with-phone-otp'),
      'the first "Test Request" button',
    );

    await page.keyboard.press('Enter');
    await expect(reference.apiClient).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(reference.apiClient).toBeHidden();
  });

  test('server selector works with arrow keys', async ({ page }) => {
    const reference = new ApiReferencePage(page);
    await reference.goto();
    await tabTo(page, reference.serverButton, 'the server selector');

    await page.keyboard.press('Enter');
    const listbox = page.getByRole('listbox');
    await expect(listbox).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await expect(listbox).toBeHidden();
    await expect(reference.serverButton).toContainText(SERVERS[1].url);
    await expect(reference.serverButton).toBeFocused();
  });
});

test.describe('token decoder with the keyboard', () => {
  test('typed token gets a verdict', async ({ page }) => {
    await page.goto(PATHS.tokenDecoder);
    const tokenField = page.getByLabel('JWT', { exact: true });
    await tabTo(page, tokenField, 'the JWT field');

    await page.keyboard.type('not-a-jwt');

    await expect(tokenField).toHaveValue('not-a-jwt');
    await expect(page.locator('[data-verdict-title]')).not.toBeEmpty();
  });

  test('sample button works with Enter', async ({ page }) => {
    await page.goto(PATHS.tokenDecoder);
    const tokenField = page.getByLabel('JWT', { exact: true });
    await tabTo(page, page.getByRole('button', { name: 'Valid SSO token' }), 'the first sample');

    await page.keyboard.press('Enter');

    await expect(tokenField).not.toHaveValue('');
    await expect(page.locator('[data-verdict-title]')).toContainText('Accepted as an SSO user');
  });

  test('secret fields open with Enter', async ({ page }) => {
    await page.goto(PATHS.tokenDecoder);
    const summary = page.getByText('Check the signature with a secret');
    await tabTo(page, summary, 'the "Check the signature" summary');

    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel(/^SSO secret/), 'the SSO secret field');
    await page.keyboard.type('demo-keyboard-secret');

    await expect(page.getByLabel(/^SSO secret/)).toHaveValue('demo-keyboard-secret');
  });
});
