/**
 * Writes a token report into the decoder's markup. Every value from the token is set with
 * `textContent`, never as HTML, so a claim such as `<img onerror=…>` is shown and not run.
 */
import { describeClaims } from '../../lib/token/claim-table';
import { endpointTitle, type EndpointVerdict } from '../../lib/token/endpoint-verdict';
import { PATH_LABELS, STEP_LABELS } from '../../lib/token/messages';
import { utcText } from '../../lib/token/time';
import type { AuthPathReport, ReportMessage, TokenReport } from '../../lib/token/types';
import { formatJson } from './json-format';

/** Creates an element with optional class and text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string } = {},
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (options.className) created.className = options.className;
  if (options.text !== undefined) created.textContent = options.text;
  return created;
}

const VERDICT_TITLES: Record<TokenReport['verdict']['verdict'], string> = {
  sso: 'Accepted as an SSO user',
  admin: 'Accepted as an admin',
  rejected: '401 Unauthorized',
  'not-a-token': 'Not a usable JWT: 401 Unauthorized',
};

const STATUS_WORDS = { pass: 'passes', fail: 'fails', unknown: 'unknown', skipped: 'skipped' };

/** Renders the whole report into the decoder `root`. */
export function renderReport(root: HTMLElement, report: TokenReport, checking: boolean): void {
  const find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

  renderVerdict(find('[data-verdict]'), report, checking);
  renderTokenParts(find('[data-token-parts]'), report.input.token);
  find('[data-paths]').replaceChildren(...report.paths.map(renderPath));
  renderClaims(find('[data-claims]'), report);
  find('[data-messages]').replaceChildren(...report.messages.map(renderMessage));
  renderJson(find('[data-header-json]'), report.header?.rawJson);
  renderJson(find('[data-payload-json]'), report.payload?.rawJson);
}

function renderVerdict(box: HTMLElement, report: TokenReport, checking: boolean): void {
  const { verdict } = report;
  const accepted = verdict.verdict === 'sso' || verdict.verdict === 'admin';
  const certain = verdict.certainty === 'confirmed';
  box.dataset.tone = accepted ? (certain ? 'pass' : 'unknown') : 'fail';

  const certainty = certain ? 'Confirmed' : 'Likely';
  box.querySelector('[data-verdict-title]')!.textContent =
    `${certainty}: ${VERDICT_TITLES[verdict.verdict]}`;
  box.querySelector('[data-verdict-summary]')!.textContent = checking
    ? `${verdict.summary.text} Checking the signature…`
    : verdict.summary.text;

  const decoded = verdict.verdict !== 'not-a-token';
  const details: string[] = [
    ...(accepted ? [] : rejectionReasons(report).map((reason) => `Why: ${reason}`)),
    ...verdict.openQuestions.map((message) => `To decide: ${message.text}`),
    ...(verdict.response ? ['Response: 401 Unauthorized with WWW-Authenticate: Bearer.'] : []),
    ...(verdict.optionalAuthNote ? [verdict.optionalAuthNote.text] : []),
    // The facts only the server can check matter only for a token it can read.
    ...(decoded
      ? verdict.cannotKnow.map((message) => `Not visible from the browser: ${message.text}`)
      : []),
  ];
  box
    .querySelector('[data-verdict-details]')!
    .replaceChildren(...details.map((text) => element('li', { text })));
}

function renderTokenParts(container: HTMLElement, token: string | null): void {
  if (!token) {
    container.replaceChildren(element('span', { text: 'No token found in the input.' }));
    return;
  }
  const names = ['header', 'payload', 'signature'];
  const segments = token.split('.');
  const children: Node[] = [];
  segments.forEach((segment, index) => {
    const name = names[index] ?? 'extra';
    if (index > 0) children.push(document.createTextNode('.'));
    const part = element('span', { className: `part-${name}`, text: segment });
    part.title = name;
    children.push(part);
  });
  const legend = names
    .slice(0, segments.length)
    .map((name) => element('span', { className: `part-label part-${name}`, text: name }));
  container.replaceChildren(...legend, element('br'), ...children);
}

function renderPath(path: AuthPathReport): HTMLLIElement {
  const item = element('li');
  item.dataset.path = path.id;
  item.dataset.outcome = path.outcome;
  item.append(
    element('p', { className: 'path-title', text: `${PATH_LABELS[path.id]}: ${path.outcome}` }),
    element('p', { text: path.note.text }),
  );

  const steps = element('ol');
  for (const step of path.steps) {
    const row = element('li');
    row.dataset.status = step.status;
    row.dataset.step = step.id;
    row.append(
      element('span', { className: 'step-status', text: STATUS_WORDS[step.status] }),
      element('strong', { text: `${STEP_LABELS[step.id]}: ` }),
      document.createTextNode(step.reason.text),
    );
    steps.append(row);
  }
  if (path.steps.length > 0) item.append(steps);
  return item;
}

function renderClaims(body: HTMLElement, report: TokenReport): void {
  const payload = report.payload?.value;
  if (!payload) {
    const row = element('tr');
    const cell = element('td', { text: 'No claims: the payload is not a JSON object.' });
    cell.colSpan = 3;
    row.append(cell);
    body.replaceChildren(row);
    return;
  }

  const times = new Map(report.timeClaims.map((claim) => [claim.claim as string, claim]));
  body.replaceChildren(
    ...describeClaims(payload, report.unsafeIntegers).map((claim) => {
      const time = times.get(claim.claim);
      const value = time?.isoUtc
        ? `${claim.value} (${utcText(time.isoUtc)} UTC, ${localDate(time.isoUtc)}; ${time.relative ?? ''})`
        : claim.value;
      const row = element('tr');
      row.append(
        element('td', { text: claim.claim }),
        element('td', { text: value }),
        element('td', { text: claim.description }),
      );
      return row;
    }),
  );
}

function localDate(isoUtc: string): string {
  return `local ${new Date(isoUtc).toLocaleString()}`;
}

/**
 * Renders the endpoint verdict into the `[data-endpoint-verdict]` box of `root`. `operation` is
 * the chosen method and path, or null for the default choice.
 */
export function renderEndpointVerdict(
  root: HTMLElement,
  verdict: EndpointVerdict,
  operation: string | null,
): void {
  const box = root.querySelector<HTMLElement>('[data-endpoint-verdict]')!;
  box.dataset.outcome = verdict.outcome;
  box.dataset.tone = endpointTone(verdict);

  const caption = box.querySelector('[data-endpoint-operation]')!;
  if (operation === null) {
    caption.textContent = 'On any route that needs a Bearer JWT:';
  } else {
    caption.replaceChildren('On ', element('code', { text: operation }), ':');
  }
  box.querySelector('[data-endpoint-title]')!.textContent = endpointTitle(verdict);
  box
    .querySelector('[data-endpoint-messages]')!
    .replaceChildren(...verdict.messages.map(renderMessage));
}

function endpointTone(verdict: EndpointVerdict): 'pass' | 'fail' | 'unknown' {
  if (verdict.outcome === 'accepted' || verdict.outcome === 'token-not-read') {
    return verdict.certainty === 'confirmed' ? 'pass' : 'unknown';
  }
  if (verdict.outcome === 'unauthorized') return 'fail';
  return 'unknown';
}

/** Renders one message with its severity and stable code. */
export function renderMessage(message: ReportMessage): HTMLLIElement {
  const item = element('li');
  item.dataset.severity = message.severity;
  item.dataset.code = message.code;
  item.append(
    element('span', { className: 'severity', text: message.severity }),
    document.createTextNode(`${message.text} `),
    element('code', { text: message.code }),
  );
  return item;
}

function renderJson(pre: HTMLElement, rawJson: string | undefined): void {
  if (rawJson === undefined) {
    pre.textContent = '(not decoded)';
    return;
  }
  pre.replaceChildren(
    ...formatJson(rawJson).map((token) =>
      token.kind === 'space' || token.kind === 'punctuation'
        ? document.createTextNode(token.text)
        : element('span', { className: `json-${token.kind}`, text: token.text }),
    ),
  );
}

/**
 * Returns why the API would reject the token. For input that is not a JWT, that is the first
 * error of the analysis, which names what is wrong with the input. Otherwise it is the first
 * failing step of each path.
 */
export function rejectionReasons(report: TokenReport): string[] {
  const error = report.messages.find((message) => message.severity === 'error');
  if (report.verdict.verdict === 'not-a-token' && error) return [error.text];
  const steps = report.paths
    .map((path) => path.steps.find((step) => step.status === 'fail')?.reason.text)
    .filter((reason): reason is string => Boolean(reason));
  if (steps.length > 0) return [...new Set(steps)];
  return error ? [error.text] : [];
}
