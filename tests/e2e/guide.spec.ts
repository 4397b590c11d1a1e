/**
 * The Authentication guide, as a reader sees it in the production build: every fact about the
 * dual-JWT scheme, the admin login, the header tokens and what is still open, plus the
 * resolution diagram with and without JavaScript.
 */
import { LOCAL_HOSTS, RequestLog, expect, expectOnlyAllowedHosts, test } from './support/network';
import { GuidePage, PATHS, SERVERS } from './support/pages';

test.describe('Authentication guide', () => {
  let guide: GuidePage;

  test.beforeEach(async ({ page }) => {
    guide = new GuidePage(page);
    await guide.goto();
  });

  test('Bearer header example', async () => {
    const intro = guide.paragraph('Send the JWT in the');
    await expect(intro).toBeVisible();
    await expect(intro).toContainText('Authorization header with the Bearer scheme');

    const example = guide.content.locator('pre').first();
    await expect(example).toBeVisible();
    await expect(example).toContainText('Authorization: Bearer ');

    const adminIntro = guide.paragraph('sent like any other JWT in');
    await expect(adminIntro).toBeVisible();
    await expect(adminIntro.locator('code')).toHaveText('Authorization: Bearer <token>');
  });

  test('SSO JWT is tried first', async () => {
    const ssoStep = guide.listItem('SSO JWT first.');
    await expect(ssoStep).toBeVisible();
    await expect(ssoStep).toContainText('decodes the token as an SSO JWT');
    await expect(ssoStep).toContainText('SSO_SECRET_KEY');

    const ssoRow = guide.tableRow('SSO JWT');
    await expect(ssoRow).toBeVisible();
    await expect(ssoRow.getByRole('cell').nth(1)).toHaveText('SSO_SECRET_KEY');
    await expect(ssoRow.getByRole('cell').nth(2)).toHaveText('userId + phone');
  });

  test('admin token only after SSO fails', async () => {
    const adminStep = guide.listItem('SimpleJWT admin token next.');
    await expect(adminStep).toBeVisible();
    await expect(adminStep).toContainText('tries this only when the SSO decode fails');
    await expect(adminStep).toContainText('djangorestframework-simplejwt');
    await expect(adminStep).toContainText('JWT_SIGNING_KEY');

    const adminRow = guide.tableRow('SimpleJWT admin token');
    await expect(adminRow).toBeVisible();
    await expect(adminRow.getByRole('cell').nth(1)).toHaveText('JWT_SIGNING_KEY');
    await expect(adminRow.getByRole('cell').nth(2)).toHaveText('user_id + phone');
  });

  test('resolution steps in order', async () => {
    const steps = guide.content.getByRole('listitem').filter({
      hasText: /^(SSO JWT first\.|SimpleJWT admin token next\.|Otherwise 401\.)/,
    });
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText('SSO JWT first.');
    await expect(steps.nth(1)).toContainText('SimpleJWT admin token next.');
    await expect(steps.nth(2)).toContainText('Otherwise 401.');
  });

  test('401 with WWW-Authenticate: Bearer', async () => {
    const rejection = guide.listItem('Otherwise 401.');
    await expect(rejection).toBeVisible();
    await expect(rejection).toContainText('When neither decode succeeds');
    await expect(rejection).toContainText('401 Unauthorized');
    await expect(rejection).toContainText('WWW-Authenticate: Bearer');
  });

  test('optional auth and get_optional_user', async () => {
    const optional = guide.paragraph('Some routes work with or without a user.');
    await expect(optional).toBeVisible();
    await expect(optional).toContainText('does not cause a 401');
    await expect(optional).toContainText('anonymous');
    await expect(optional).toContainText('get_optional_user');
  });

  test('admin login as three numbered steps', async () => {
    await expect(guide.steps).toBeVisible();
    await expect(guide.steps).toHaveJSProperty('tagName', 'OL');

    const items = guide.steps.locator(':scope > li');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText('Ask for an OTP.');
    await expect(items.nth(0)).toContainText('POST /v7/login-with-phone-otp');
    await expect(items.nth(1)).toContainText('Exchange the OTP for a token.');
    await expect(items.nth(1)).toContainText('POST /v7/verify-otp');
    await expect(items.nth(2)).toContainText('Send the token.');
    await expect(items.nth(2)).toContainText('Authorization: Bearer <token>');
  });

  test('header tokens map to schemes', async () => {
    const expected = [
      ['X-LMS-OPEN-API-KEY', 'ApiKeyAuth'],
      ['X-Vendor-Token', 'VendorTokenAuth'],
      ['X-Enrollment-Form-Vendor-Token', 'EnrollmentFormVendorTokenAuth'],
    ];
    for (const [header, scheme] of expected) {
      const row = guide.tableRow(header!);
      await expect(row, `No table row for ${header}`).toBeVisible();
      await expect(row.getByRole('cell').last(), `Scheme of ${header}`).toHaveText(scheme!);
    }

    const bearer = guide.paragraph('The Bearer JWT is the');
    await expect(bearer).toBeVisible();
    await expect(bearer).toContainText('BearerAuth scheme in the API Explorer');
  });

  test('server table lists three environments', async () => {
    for (const server of SERVERS) {
      const row = guide.tableRow(server.name);
      await expect(row, `No table row for ${server.name}`).toBeVisible();
      await expect(row.getByRole('cell').nth(1), `URL of ${server.name}`).toContainText(server.url);
    }
  });

  test('credentials kept in session cookies', async () => {
    const storage = guide.paragraph('A JWT you paste under BearerAuth');
    await expect(storage).toBeVisible();
    await expect(storage).toContainText('kept in client-side cookies only');
    await expect(storage).toContainText('never in localStorage');

    const lifetime = guide.paragraph('The cookies have no expiry date');
    await expect(lifetime).toBeVisible();
    await expect(lifetime).toContainText('drops them when the session ends');
  });

  test('key safety advice', async () => {
    const noCommit = guide.listItem('Never commit a token');
    await expect(noCommit).toBeVisible();
    await expect(noCommit).toContainText('.env file to git');

    const rotate = guide.listItem('Rotate any key or secret');
    await expect(rotate).toBeVisible();
    await expect(rotate).toContainText('logs, chat or CI artifacts');

    const hosts = guide.listItem('ALLOWED_HOSTS');
    await expect(hosts).toBeVisible();
    await expect(hosts).toContainText('CORS allowed origins');
  });

  test('code tabs show each language', async () => {
    const snippets = [
      ['curl', 'curl https://api.milesusp.example/v7/some-route'],
      ['JavaScript', "await fetch('https://api.milesusp.example/v7/some-route'"],
      ['Python', 'requests.get('],
    ];
    for (const [label, code] of snippets) {
      const tab = guide.tab(label!);
      await tab.click();
      await expect(tab, `Tab ${label} is not selected after a click`).toHaveAttribute(
        'aria-selected',
        'true',
      );
      const panel = await guide.tabPanel(label!);
      await expect(panel, `Panel of ${label} is hidden`).toBeVisible();
      await expect(panel.locator('pre'), `Code of ${label}`).toContainText(code!);
      await expect(panel.locator('pre'), `Header in ${label}`).toContainText('Bearer');
    }
  });

  test('open questions listed', async () => {
    const open = guide.listAfterHeading('not-documented-yet');
    await expect(open).toBeVisible();

    const partnerKeys = open.getByRole('listitem').filter({ hasText: 'How partners obtain' });
    await expect(partnerKeys).toContainText('X-LMS-OPEN-API-KEY');
    await expect(partnerKeys).toContainText('X-Vendor-Token');
    await expect(partnerKeys).toContainText('X-Enrollment-Form-Vendor-Token');
    await expect(open.getByRole('listitem').filter({ hasText: 'outside MilesOne' })).toContainText(
      'SSO JWT',
    );
    await expect(open.getByRole('listitem').filter({ hasText: 'Token lifetimes' })).toContainText(
      'refreshed',
    );
    await expect(
      open.getByRole('listitem').filter({ hasText: 'error response bodies' }),
    ).toContainText('format');
    await expect(open.getByRole('listitem').filter({ hasText: '403 Forbidden' })).toContainText(
      '401 Unauthorized',
    );
  });
});

test.describe('Resolution diagram', () => {
  test('shows SSO, admin and 401 in order', async ({ page }) => {
    const guide = new GuidePage(page);
    await guide.goto();
    await expectDiagramInOrder(guide);
  });

  test('renders without JavaScript', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const log = new RequestLog(LOCAL_HOSTS);
    log.attach(context);
    try {
      const page = await context.newPage();
      const guide = new GuidePage(page);
      await guide.goto();

      // Starlight's search script enables this button, so it stays disabled only without script.
      await expect(guide.chrome.searchButton).toBeDisabled();
      await expectDiagramInOrder(guide);
      expectOnlyAllowedHosts(log, `for ${PATHS.guide} without JavaScript`);
    } finally {
      await context.close();
    }
  });
});

/** Checks that the diagram shows the SSO step, then the admin step, then the 401, top to bottom. */
async function expectDiagramInOrder(guide: GuidePage): Promise<void> {
  await expect(guide.diagram).toBeVisible();

  const sso = guide.diagram.locator('li', { hasText: 'Step 1: SSO JWT' });
  const admin = guide.diagram.locator('li', { hasText: 'Step 2: SimpleJWT admin token' });
  const rejected = guide.diagram.locator('li', { hasText: '401 Unauthorized' });
  await expect(sso).toBeVisible();
  await expect(sso).toContainText('SSO_SECRET_KEY');
  await expect(admin).toBeVisible();
  await expect(admin).toContainText('JWT_SIGNING_KEY');
  await expect(rejected).toBeVisible();
  await expect(rejected).toContainText('WWW-Authenticate: Bearer');

  const ssoBox = await sso.boundingBox();
  const adminBox = await admin.boundingBox();
  const rejectedBox = await rejected.boundingBox();
  expect(ssoBox, 'SSO step has no layout box').not.toBeNull();
  expect(adminBox, 'Admin step has no layout box').not.toBeNull();
  expect(rejectedBox, '401 step has no layout box').not.toBeNull();
  expect(adminBox!.y, 'Admin step is not below the SSO step').toBeGreaterThan(ssoBox!.y);
  expect(rejectedBox!.y, '401 step is not below the admin step').toBeGreaterThan(adminBox!.y);
}
