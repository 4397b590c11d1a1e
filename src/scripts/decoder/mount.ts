/**
 * Runs the token decoder in every `[data-token-decoder]` element of the page. The analysis runs
 * on each keystroke; signature checks, which are asynchronous, replace the result when they
 * finish, unless the input changed in the meantime. The endpoint verdict follows the report and
 * the operation choice.
 */
import type { OperationAuth } from '../../lib/openapi/auth-mode';
import { analyzeToken, analyzeTokenWithSecrets } from '../../lib/token/analyze';
import { ANY_BEARER_ROUTE, endpointVerdict } from '../../lib/token/endpoint-verdict';
import type { TokenReport } from '../../lib/token/types';
import { isCryptoAvailable } from '../../lib/token/crypto';
import { notKeptMessage, sendToExplorer } from './handoff';
import { rejectionReasons, renderEndpointVerdict, renderReport } from './render';

interface DecoderConfig {
  algorithms: string[];
  basePath: string;
  explorerUrl: string;
  /** The operations of the choice, keyed by option value. */
  operations: Record<string, { operation: string; auth: OperationAuth }>;
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
  const operationChoice = root.querySelector<HTMLSelectElement>('[data-operation]')!;
  const cryptoAvailable = isCryptoAvailable();
  root.querySelector<HTMLElement>('[data-insecure-context]')!.hidden = cryptoAvailable;

  let sequence = 0;
  let latest: TokenReport | undefined;
  const explorer = explorerAction(root, config, () => latest);

  const showEndpoint = () => {
    if (!latest) return;
    const chosen = config.operations[operationChoice.value];
    const verdict = endpointVerdict(latest, chosen?.auth ?? ANY_BEARER_ROUTE);
    renderEndpointVerdict(root, verdict, chosen?.operation ?? null);
  };

  const run = () => {
    const current = ++sequence;
    const options = { now: new Date(), algorithms: config.algorithms };
    const secrets = { ssoSecret: ssoSecret.value, adminSigningKey: adminKey.value };
    const checking = cryptoAvailable && Boolean(secrets.ssoSecret || secrets.adminSigningKey);

    // An emptied field goes back to the state before the first paste, not to an error verdict.
    if (input.value === '') {
      latest = undefined;
      output.hidden = true;
      explorer.reset();
      return;
    }
    latest = analyzeToken(input.value, options);
    output.hidden = false;
    explorer.reset();
    renderReport(root, latest, checking);
    showEndpoint();
    if (!checking) return;

    void analyzeTokenWithSecrets(input.value, { ...options, ...secrets }).then((report) => {
      if (current !== sequence) return;
      latest = report;
      renderReport(root, report, false);
      showEndpoint();
    });
  };

  for (const field of [input, ssoSecret, adminKey]) field.addEventListener('input', run);
  operationChoice.addEventListener('change', showEndpoint);
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-sample]')) {
    button.addEventListener('click', () => void loadSample(button.dataset.sample!, input, run));
  }
  // A click before this point does nothing, so tests wait for this mark before they click.
  root.dataset.ready = 'true';
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
      warning.textContent = `${rejectionWarning(current)} Select the button again to use it anyway.`;
      button.textContent = 'Use in API Explorer anyway';
      return;
    }

    const notKept = sendToExplorer(config, token);
    if (notKept) {
      warning.hidden = false;
      warning.textContent = notKeptMessage(notKept);
    }
  });

  return { reset };
}

/** Describes why the API would reject the token, with the certainty of the verdict. */
function rejectionWarning(report: TokenReport): string {
  const certainty = report.verdict.certainty === 'confirmed' ? 'would get' : 'would likely get';
  const reasons = rejectionReasons(report);
  const because = reasons.length > 0 ? reasons.join(' ') : report.verdict.summary.text;
  return `This token ${certainty} 401 Unauthorized. ${because}`;
}
