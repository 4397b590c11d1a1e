/**
 * Runs the test token form in every `[data-test-token]` element. It checks the fields, signs the
 * token in the browser with jose (HS256, the secret as UTF-8), and hands the token to the token
 * decoder of the page and, on request, to the API Explorer. The secret is not stored and not sent.
 * It stays in its field, and a copy goes into the decoder's signature field on the same page.
 * Every value is set as text.
 */
import { signDemoToken } from '../../lib/token/samples';
import { isCryptoAvailable } from '../../lib/token/crypto';
import { notKeptMessage, sendToExplorer, showInDecoder } from '../decoder/handoff';
import {
  buildTestClaims,
  checkTestTokenInput,
  formatJti,
  type TestTokenField,
  type TestTokenKind,
} from './claims';
import { testTokenMessage, type TestTokenMessage } from './messages';

interface TestTokenConfig {
  basePath: string;
  explorerUrl: string;
  /** The Local server's URL, selected in the API Explorer with the token. */
  localServerUrl: string;
}

const KIND_NAMES: Record<TestTokenKind, string> = {
  sso: 'SSO token',
  admin: 'admin access token',
};

/** Mounts every test token form on the page. */
export function mountTestTokenForms(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-test-token]')) {
    mountTestTokenForm(root);
  }
}

function mountTestTokenForm(root: HTMLElement): void {
  const config = JSON.parse(root.dataset.config ?? '{}') as TestTokenConfig;
  const find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

  const signButton = find<HTMLButtonElement>('[data-test-token-sign]');
  const status = find<HTMLElement>('[data-test-token-status]');
  const result = find<HTMLElement>('[data-test-token-result]');
  const output = find<HTMLElement>('[data-test-token-output]');
  const explorerButton = find<HTMLButtonElement>('[data-test-token-explorer]');
  const explorerWarning = find<HTMLElement>('[data-test-token-explorer-warning]');
  const fields: Record<TestTokenField, HTMLInputElement> = {
    userId: find('[data-field="userId"]'),
    phone: find('[data-field="phone"]'),
    lifetime: find('[data-field="lifetime"]'),
    secret: find('[data-field="secret"]'),
  };

  root.hidden = false;
  let token: string | undefined;

  for (const field of Object.values(fields)) {
    field.addEventListener('input', () => setFieldError(field, undefined));
    // The fields are not in a <form>, so that no browser offers to save the secret as a password.
    field.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      event.preventDefault();
      signButton.click();
    });
  }

  signButton.addEventListener('click', () => {
    const chosen = root.querySelector<HTMLInputElement>('[data-kind]:checked');
    const kind: TestTokenKind = chosen?.value === 'admin' ? 'admin' : 'sso';
    const check = checkTestTokenInput({
      kind,
      userId: fields.userId.value,
      phone: fields.phone.value,
      lifetime: fields.lifetime.value,
      secret: fields.secret.value,
    });

    for (const [name, field] of Object.entries(fields) as Array<
      [TestTokenField, HTMLInputElement]
    >) {
      setFieldError(field, check.ok ? undefined : check.errors[name]);
    }
    if (!check.ok) {
      showStatus(status, undefined);
      const first = (Object.keys(fields) as TestTokenField[]).find((name) => check.errors[name]);
      if (first) fields[first].focus();
      return;
    }
    if (!isCryptoAvailable()) {
      showStatus(status, testTokenMessage('TEST_TOKEN_CRYPTO_UNAVAILABLE'));
      return;
    }

    const { secret, ...claimsInput } = check.input;
    const jti = formatJti(crypto.getRandomValues(new Uint8Array(16)));
    const claims = buildTestClaims(claimsInput, Date.now() / 1000, jti);
    void signDemoToken(claims, secret).then(
      (signed) => {
        token = signed;
        result.hidden = false;
        output.textContent = signed;
        explorerWarning.hidden = true;
        const expires = new Date(Number(claims.exp) * 1000).toISOString().replace('.000Z', '');
        showStatus(
          status,
          testTokenMessage('TEST_TOKEN_SIGNED', { kind: KIND_NAMES[kind], expires }),
        );
        showInDecoder(signed, kind === 'sso' ? { ssoSecret: secret } : { adminSigningKey: secret });
      },
      (error: unknown) => {
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        showStatus(status, testTokenMessage('TEST_TOKEN_SIGN_FAILED', { error: text }));
      },
    );
  });

  explorerButton.addEventListener('click', () => {
    if (!token) return;
    const notKept = sendToExplorer(config, token, config.localServerUrl);
    if (notKept) {
      explorerWarning.hidden = false;
      explorerWarning.textContent = notKeptMessage(notKept);
    }
  });
}

/** Shows `message` next to `field`, or clears it; the message element is named in `aria-describedby`. */
function setFieldError(field: HTMLInputElement, message: TestTokenMessage | undefined): void {
  const error = document.getElementById(`${field.id}-error`)!;
  error.hidden = message === undefined;
  if (message) {
    error.dataset.code = message.code;
    error.replaceChildren(messageNode(message));
    field.setAttribute('aria-invalid', 'true');
  } else {
    error.replaceChildren();
    field.removeAttribute('aria-invalid');
  }
}

function showStatus(box: HTMLElement, message: TestTokenMessage | undefined): void {
  box.hidden = message === undefined;
  if (!message) {
    box.replaceChildren();
    return;
  }
  box.dataset.severity = message.severity;
  box.dataset.code = message.code;
  box.replaceChildren(messageNode(message));
}

function messageNode(message: TestTokenMessage): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const code = document.createElement('code');
  code.textContent = message.code;
  fragment.append(`${message.text} `, code);
  return fragment;
}
