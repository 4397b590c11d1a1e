/**
 * Runs the token decoder in every `[data-token-decoder]` element of the page. The analysis runs
 * on each keystroke; signature checks, which are asynchronous, replace the result when they
 * finish, unless the input changed in the meantime.
 */
import { analyzeToken, analyzeTokenWithSecrets } from '../../lib/token/analyze';
import type { TokenReport } from '../../lib/token/types';
import { isCryptoAvailable } from '../../lib/token/verify';
import { CredentialJar } from '../credentials/jar';
import { renderReport } from './render';

interface DecoderConfig {
  algorithms: string[];
  basePath: string;
  explorerUrl: string;
}

/** Mounts every decoder on the page. */
export function mountDecoders(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-token-decoder]')) {
    mountDecoder(root);
  }
}

function mountDecoder(root: HTMLElement): void {
  const config = JSON.parse(root.dataset.config ?? '{}') as DecoderConfig;
  const input = root.querySelector<HTMLTextAreaElement>('[data-token-input]')!;
  const ssoSecret = root.querySelector<HTMLInputElement>('[data-sso-secret]')!;
  const adminKey = root.querySelector<HTMLInputElement>('[data-admin-key]')!;
  const output = root.querySelector<HTMLElement>('[data-output]')!;
  const cryptoAvailable = isCryptoAvailable();
  root.querySelector<HTMLElement>('[data-insecure-context]')!.hidden = cryptoAvailable;

  let sequence = 0;
  let latest: TokenReport | undefined;
  const explorer = explorerAction(root, config, () => latest);

  const run = () => {
    const current = ++sequence;
    const options = { now: new Date(), algorithms: config.algorithms };
    const secrets = { ssoSecret: ssoSecret.value, adminSigningKey: adminKey.value };
    const checking = cryptoAvailable && Boolean(secrets.ssoSecret || secrets.adminSigningKey);

    latest = analyzeToken(input.value, options);
    output.hidden = false;
    explorer.reset();
    renderReport(root, latest, checking);
    if (!checking) return;

    void analyzeTokenWithSecrets(input.value, { ...options, ...secrets }).then((report) => {
      if (current !== sequence) return;
      latest = report;
      renderReport(root, report, false);
    });
  };

  for (const field of [input, ssoSecret, adminKey]) field.addEventListener('input', run);
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-sample]')) {
    button.addEventListener('click', () => void loadSample(button.dataset.sample!, input, run));
  }
}

/** Builds the sample tokens on first use, so the signing code loads only when asked for. */
async function loadSample(id: string, input: HTMLTextAreaElement, run: () => void) {
  const { buildSampleTokens } = await import('../../lib/token/samples');
  const samples = (await buildSampleTokens(new Date())) as Record<string, string>;
  input.value = samples[id] ?? '';
  run();
}

/**
 * The "Use in API Explorer" button: keeps the token as the Explorer's BearerAuth value and opens
 * the API Reference. A token that would not pass is named first; a second click goes on anyway.
 */
function explorerAction(
  root: HTMLElement,
  config: DecoderConfig,
  report: () => TokenReport | undefined,
) {
  const button = root.querySelector<HTMLButtonElement>('[data-use-in-explorer]')!;
  const warning = root.querySelector<HTMLElement>('[data-explorer-warning]')!;
  let warned = false;

  const reset = () => {
    warned = false;
    warning.hidden = true;
    button.textContent = 'Use in API Explorer';
    button.disabled = !report()?.input.token;
  };

  button.addEventListener('click', () => {
    const current = report();
    const token = current?.input.token;
    if (!current || !token) return;

    const failing =
      current.verdict.verdict === 'rejected' || current.verdict.verdict === 'not-a-token';
    if (failing && !warned) {
      warned = true;
      warning.hidden = false;
      warning.textContent = `This token would likely get 401 Unauthorized: ${current.verdict.summary.text} Select the button again to use it anyway.`;
      button.textContent = 'Use in API Explorer anyway';
      return;
    }

    const jar = new CredentialJar(config.basePath);
    const notKept = jar.write('BearerAuth', token);
    if (notKept) {
      warning.hidden = false;
      warning.textContent = `The token is ${notKept.bytes.toLocaleString('en')} bytes once encoded, more than the ${notKept.limit.toLocaleString('en')} a cookie can hold, so the API Explorer cannot keep it. Paste it into the BearerAuth field there instead.`;
      return;
    }
    jar.write('scheme', 'BearerAuth');
    location.assign(config.explorerUrl);
  });

  return { reset };
}
