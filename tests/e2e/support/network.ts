/**
 * A request log for every browser context of a test, and a `test` whose teardown fails the test
 * when any page, worker or WebSocket of that context contacted a host outside `allowedHosts`.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/** Hosts the site may contact: the loopback address the tests serve the site on, and `localhost`. */
export const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];

/** URL schemes that never leave the browser, so their requests have no host to check. */
const IN_BROWSER_PROTOCOLS = new Set(['data:', 'blob:', 'about:']);

/** One request seen by a {@link RequestLog}. */
export interface LoggedRequest {
  url: string;
  resourceType: string;
}

/** Every request the attached browser contexts issue, in the order they were issued. */
export class RequestLog {
  readonly requests: LoggedRequest[] = [];

  constructor(readonly allowedHosts: readonly string[]) {}

  /** Records every request and WebSocket of `context`, including pages opened later. */
  attach(context: BrowserContext): void {
    context.on('request', (request) => {
      this.requests.push({ url: request.url(), resourceType: request.resourceType() });
    });
    context.pages().forEach((page) => this.attachWebSockets(page));
    context.on('page', (page) => this.attachWebSockets(page));
  }

  /** URLs of the recorded requests whose host is not in `allowedHosts`. */
  foreignRequests(): string[] {
    return this.requests.map((request) => request.url).filter((url) => !this.isAllowed(url));
  }

  /** Checks whether the log has a request for `path` on one of the allowed hosts. */
  hasLocalRequest(path: string): boolean {
    return this.requests.some((request) => {
      const url = new URL(request.url);
      return this.isAllowed(request.url) && url.pathname === path;
    });
  }

  private attachWebSockets(page: Page): void {
    page.on('websocket', (socket) => {
      this.requests.push({ url: socket.url(), resourceType: 'websocket' });
    });
  }

  private isAllowed(address: string): boolean {
    if (!URL.canParse(address)) return false;
    const url = new URL(address);
    if (IN_BROWSER_PROTOCOLS.has(url.protocol)) return true;
    return this.allowedHosts.includes(url.hostname);
  }
}

/** Fails with the list of offending URLs when `log` recorded a request to another host. */
export function expectOnlyAllowedHosts(log: RequestLog, when: string): void {
  expect(
    log.foreignRequests(),
    `Requests ${when} went to hosts other than ${log.allowedHosts.join(', ')}`,
  ).toEqual([]);
}

interface NetworkFixtures {
  /** Hosts that requests may go to. Override with `test.use({ allowedHosts: [...] })`. */
  allowedHosts: string[];
  /** The requests of the test's own browser context, checked when the test ends. */
  requestLog: RequestLog;
}

/** Playwright's `test`, with every request of the default context checked against `allowedHosts`. */
export const test = base.extend<NetworkFixtures>({
  allowedHosts: [LOCAL_HOSTS, { option: true }],
  requestLog: [
    async ({ context, allowedHosts }, use) => {
      const log = new RequestLog(allowedHosts);
      log.attach(context);
      await use(log);
      expectOnlyAllowedHosts(log, 'during the test');
    },
    { auto: true },
  ],
});

export { expect };
