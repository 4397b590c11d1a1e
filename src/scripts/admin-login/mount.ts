/**
 * Runs the guided admin login in every `[data-admin-login]` element. Step 1 requests an OTP for a
 * phone number. Step 2 sends the OTP back and receives the admin JWT, which goes to the token
 * decoder of the page and, on request, to the API Explorer. The phone number and the OTP stay in
 * the fields and in memory: they are not stored, not put in a cookie or the URL, and sent only in
 * the two requests to the chosen server. Every value from a response is set as text.
 */
import { diagnosingFetch, type RequestFailure } from '../api-reference/request-failure';
import { notKeptMessage, sendToExplorer, showInDecoder } from '../decoder/handoff';
import type { LoginContract } from './contract';
import type { LoginMessage } from './messages';
import {
  buildSendOtpRequest,
  buildVerifyOtpRequest,
  checkOtp,
  checkPhone,
  formatRequest,
  type PreparedRequest,
} from './requests';
import {
  explainRequestError,
  explainRequestFailure,
  explainTimeout,
  formatResponse,
  readSendOtpResponse,
  readVerifyOtpResponse,
  type ReceivedResponse,
} from './responses';

interface LoginConfig {
  contract: LoginContract;
  servers: Array<{ name: string; url: string }>;
  basePath: string;
  explorerUrl: string;
}

/** Seconds to wait for a response before the request is cancelled. */
const REQUEST_TIMEOUT_SECONDS = 30;
/** Seconds to wait for the `no-cors` probe that distinguishes a CORS refusal from a down server. */
const PROBE_TIMEOUT_SECONDS = 10;

type Exchange =
  { kind: 'response'; response: ReceivedResponse } | { kind: 'no-response'; message: LoginMessage };

/** Mounts every admin login panel on the page. */
export function mountAdminLogins(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-admin-login]')) {
    mountAdminLogin(root);
  }
}

function mountAdminLogin(root: HTMLElement): void {
  const config = JSON.parse(root.dataset.config ?? '{}') as LoginConfig;
  const find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

  const sendButton = find<HTMLButtonElement>('[data-login-send]');
  const serverChoice = find<HTMLSelectElement>('[data-login-server]');
  const phoneInput = find<HTMLInputElement>('[data-login-phone]');
  const verifyButton = find<HTMLButtonElement>('[data-login-verify]');
  const otpFields = find<HTMLFieldSetElement>('[data-login-otp-fields]');
  const otpInput = find<HTMLInputElement>('[data-login-otp]');
  const otpTarget = find<HTMLElement>('[data-login-otp-target]');
  const status = find<HTMLElement>('[data-login-status]');
  const result = find<HTMLElement>('[data-login-result]');
  const tokenOutput = find<HTMLElement>('[data-login-token]');
  const decoderLink = find<HTMLAnchorElement>('[data-login-decoder-link]');
  const explorerButton = find<HTMLButtonElement>('[data-login-explorer]');
  const explorerWarning = find<HTMLElement>('[data-login-explorer-warning]');
  const log = find<HTMLOListElement>('[data-login-exchanges]');

  root.hidden = false;

  /** The phone number and server of the last OTP request that succeeded, kept in memory only. */
  let sent: { phone: string; server: { name: string; url: string } } | undefined;
  let token: string | undefined;

  const chosenServer = () =>
    config.servers.find((server) => server.url === serverChoice.value) ?? config.servers[0]!;
  const serverLabel = (server: { name: string; url: string }) => `${server.name} (${server.url})`;

  const resetOtpStep = () => {
    sent = undefined;
    otpFields.disabled = true;
    otpInput.value = '';
    otpTarget.textContent = 'Request an OTP in step 1 first.';
  };
  resetOtpStep();
  serverChoice.addEventListener('change', resetOtpStep);
  phoneInput.addEventListener('input', () => {
    if (sent) resetOtpStep();
    setFieldError(phoneInput, undefined);
  });
  otpInput.addEventListener('input', () => setFieldError(otpInput, undefined));
  pressOnEnter(phoneInput, sendButton);
  pressOnEnter(otpInput, verifyButton);

  sendButton.addEventListener('click', () => {
    void runStep(sendButton, async () => {
      showStatus(status, undefined);
      const phone = checkPhone(phoneInput.value);
      if (!phone.ok) {
        setFieldError(phoneInput, phone.message);
        phoneInput.focus();
        return;
      }
      const server = chosenServer();
      const request = buildSendOtpRequest(server.url, config.contract, phone.value);
      const exchange = await send(log, request, serverLabel(server));
      if (exchange.kind === 'no-response') {
        showStatus(status, exchange.message);
        return;
      }
      const outcome = readSendOtpResponse(
        exchange.response,
        { server: serverLabel(server), phone: phone.value },
        `POST ${config.contract.sendOtp.path}`,
      );
      showStatus(status, outcome.message);
      if (!outcome.ok) return;

      sent = { phone: phone.value, server };
      otpFields.disabled = false;
      otpTarget.textContent = `The OTP goes by SMS to ${phone.value}. It is checked on ${serverLabel(server)}.`;
      otpInput.focus();
    });
  });

  verifyButton.addEventListener('click', () => {
    if (!sent) return;
    const { phone, server } = sent;
    void runStep(verifyButton, async () => {
      showStatus(status, undefined);
      const otp = checkOtp(otpInput.value, phone);
      if (!otp.ok) {
        setFieldError(otpInput, otp.message);
        otpInput.focus();
        return;
      }
      const request = buildVerifyOtpRequest(server.url, config.contract, phone, otp.value);
      const exchange = await send(log, request, serverLabel(server));
      if (exchange.kind === 'no-response') {
        showStatus(status, exchange.message);
        return;
      }
      const outcome = readVerifyOtpResponse(
        exchange.response,
        { server: serverLabel(server), phone },
        `POST ${config.contract.verifyOtp.path}`,
        config.contract.verifyOtp.tokenField,
      );
      showStatus(status, outcome.message);
      if (!outcome.ok || !outcome.token) return;

      otpInput.value = '';
      token = outcome.token;
      showToken(outcome.token, server.url);
    });
  });

  const showToken = (received: string, serverUrl: string) => {
    result.hidden = false;
    tokenOutput.textContent = received;
    explorerWarning.hidden = true;
    explorerButton.dataset.server = serverUrl;
    const decoderInput = showInDecoder(received);
    decoderLink.hidden = decoderInput === null;
    if (decoderInput) decoderLink.href = `#${decoderInput.id}`;
  };

  explorerButton.addEventListener('click', () => {
    if (!token) return;
    const notKept = sendToExplorer(config, token, explorerButton.dataset.server);
    if (notKept) {
      explorerWarning.hidden = false;
      explorerWarning.textContent = notKeptMessage(notKept);
    }
  });
}

/** Runs one step with its button disabled, so a second click cannot send a second request. */
async function runStep(button: HTMLButtonElement, step: () => Promise<void>): Promise<void> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await step();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/**
 * Makes Enter in `field` press `button`. The steps are not <form> elements, so that no browser
 * treats a step as a submitted form whose values it offers to save.
 */
function pressOnEnter(field: HTMLInputElement, button: HTMLButtonElement): void {
  field.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    button.click();
  });
}

/** Sends `request`, adds it and its response to the log, and returns what came back. */
async function send(
  log: HTMLOListElement,
  request: PreparedRequest,
  server: string,
): Promise<Exchange> {
  const entry = logEntry(request);
  log.append(entry.item);
  log.closest<HTMLElement>('[data-login-log]')!.hidden = false;
  const exchange = await fetchExchange(request, server);
  if (exchange.kind === 'response') {
    entry.response.textContent = formatResponse(exchange.response);
  } else {
    entry.response.textContent = `No response. ${exchange.message.text}`;
  }
  return exchange;
}

async function fetchExchange(request: PreparedRequest, server: string): Promise<Exchange> {
  const url = new URL(request.url, location.href);
  const operation = `${request.method} ${url.pathname}`;
  let reportFailure: (failure: RequestFailure) => void = () => {};
  const diagnosis = new Promise<RequestFailure>((resolve) => {
    reportFailure = resolve;
  });

  let response: Response;
  try {
    response = await diagnosingFetch(reportFailure)(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_SECONDS * 1000),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return noResponse(explainTimeout(url.origin, server, REQUEST_TIMEOUT_SECONDS));
    }
    // diagnosingFetch classifies only cross-origin failures; a same-origin one is unreachable.
    if (error instanceof TypeError && url.origin !== location.origin) {
      const failure = await withTimeout(diagnosis, PROBE_TIMEOUT_SECONDS);
      if (failure) return noResponse(explainRequestFailure(failure, server));
      return noResponse(explainTimeout(url.origin, server, PROBE_TIMEOUT_SECONDS));
    }
    return noResponse(explainRequestError(error, server, operation));
  }

  try {
    const body = await response.text();
    return {
      kind: 'response',
      response: {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
      },
    };
  } catch (error) {
    return noResponse(explainRequestError(error, server, operation));
  }
}

function noResponse(message: LoginMessage): Exchange {
  return { kind: 'no-response', message };
}

function withTimeout<T>(promise: Promise<T>, seconds: number): Promise<T | undefined> {
  return Promise.race([
    promise,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), seconds * 1000)),
  ]);
}

function logEntry(request: PreparedRequest): { item: HTMLLIElement; response: HTMLElement } {
  const item = document.createElement('li');
  item.className = 'login__exchange';
  const title = document.createElement('p');
  title.className = 'login__exchange-title';
  title.textContent = `${request.method} ${request.url}`;

  const requestLabel = document.createElement('p');
  requestLabel.textContent = 'Request';
  const requestText = document.createElement('pre');
  requestText.dataset.loginRequest = '';
  requestText.textContent = formatRequest(request);

  const responseLabel = document.createElement('p');
  responseLabel.textContent = 'Response (only the headers that CORS lets this page read)';
  const response = document.createElement('pre');
  response.dataset.loginResponse = '';
  response.textContent = 'Waiting for the response…';

  item.append(title, requestLabel, requestText, responseLabel, response);
  return { item, response };
}

/** Shows `message` in the status box, or empties the box. */
function showStatus(box: HTMLElement, message: LoginMessage | undefined): void {
  box.hidden = message === undefined;
  if (!message) {
    box.replaceChildren();
    return;
  }
  box.dataset.severity = message.severity;
  box.dataset.code = message.code;
  box.replaceChildren(messageNode(message));
}

/** Shows `message` next to `field`, or clears it; the message element is named in `aria-describedby`. */
function setFieldError(field: HTMLInputElement, message: LoginMessage | undefined): void {
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

function messageNode(message: LoginMessage): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const code = document.createElement('code');
  code.textContent = message.code;
  fragment.append(`${message.text} `, code);
  return fragment;
}
