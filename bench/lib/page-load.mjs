/**
 * One page load in a fresh browser context: bytes and requests by type, FCP, LCP and, for an API
 * explorer, when its first operation and its "try it" became usable.
 */

const NETWORK_QUIET_MS = 500;
const NETWORK_QUIET_TIMEOUT_MS = 15_000;
const PROBE_TIMEOUT_MS = 30_000;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Runs in the page before its own scripts. On every animation frame it checks the explorer's
 * locators and records `performance.now()`, which counts from the start of the navigation, when:
 * - `operation`: the first operation's heading is visible;
 * - `tryItControl`: the first control of "try it" is visible and enabled;
 * - `tryItOpen`: the request form is visible after the probe clicked each control in order
 *   as soon as it was visible and enabled.
 * A locator may also be a list of locators, of which any one matches.
 * It also records every long task (over 50 ms on the main thread) from the Long Tasks API.
 */
function installExplorerProbe(locators) {
  if (window.top !== window) return;
  const state = { marks: {}, clicks: 0, longTasks: [] };
  window.__benchProbe = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  const normalize = (text) => text.replace(/\s+/g, ' ').trim();
  const isVisible = (element) => {
    const box = element.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.height > 0 &&
      element.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    );
  };
  const find = (locator) => {
    if (Array.isArray(locator)) {
      for (const alternative of locator) {
        const element = find(alternative);
        if (element) return element;
      }
      return null;
    }
    for (const element of document.querySelectorAll(locator.selector)) {
      const text = normalize(element.textContent ?? '');
      if (locator.text !== undefined && text !== locator.text) continue;
      if (locator.includes !== undefined && !text.includes(locator.includes)) continue;
      if (element.disabled || !isVisible(element)) continue;
      return element;
    }
    return null;
  };

  const check = () => {
    const now = performance.now();
    if (state.marks.operation === undefined && find(locators.operation)) {
      state.marks.operation = now;
    }
    if (locators.tryIt && state.marks.tryItOpen === undefined) {
      if (state.clicks < locators.tryIt.length) {
        const control = find(locators.tryIt[state.clicks]);
        if (control) {
          if (state.clicks === 0) state.marks.tryItControl = now;
          state.clicks += 1;
          control.click();
        }
      } else if (find(locators.tryItOpen)) {
        state.marks.tryItOpen = now;
      }
    }
    const done =
      state.marks.operation !== undefined &&
      (!locators.tryIt || state.marks.tryItOpen !== undefined);
    if (!done) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Reads paint timings and Resource Timing entries in the page, once it has settled. */
function collectInPage() {
  const lcp = new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const entries = list.getEntries();
      observer.disconnect();
      resolve(entries.at(-1)?.startTime ?? null);
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    // No buffered entry means the page painted no LCP candidate.
    setTimeout(() => resolve(null), 1000);
  });
  const fcp = performance.getEntriesByName('first-contentful-paint', 'paint')[0]?.startTime ?? null;
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource').map((entry) => ({
    url: entry.name,
    initiatorType: entry.initiatorType,
    encoded: entry.encodedBodySize,
    decoded: entry.decodedBodySize,
  }));
  resources.push({
    url: navigation.name,
    initiatorType: 'navigation',
    encoded: navigation.encodedBodySize,
    decoded: navigation.decodedBodySize,
  });
  return lcp.then((lcpTime) => ({
    fcp,
    lcp: lcpTime,
    resources,
    probe: window.__benchProbe ?? null,
  }));
}

/**
 * Returns the maximum duration of the long tasks that started before the probe's last mark, and
 * their total blocking time (the part of each task over 50 ms).
 */
function mainThread(probe) {
  const end = Math.max(...Object.values(probe.marks));
  const tasks = probe.longTasks.filter((task) => task.start <= end);
  return {
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
    blockingMs: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
  };
}

/** Classifies a loaded resource by its path as html, js, css, json or other. */
function resourceKind(resource) {
  if (resource.initiatorType === 'navigation') return 'html';
  const path = new URL(resource.url).pathname;
  if (/\.m?js$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\.json$/.test(path)) return 'json';
  if (/\.html$|\/$/.test(path)) return 'html';
  return 'other';
}

function sumBytes(resources) {
  const totals = {};
  for (const kind of ['html', 'js', 'css', 'json', 'other', 'total']) {
    totals[kind] = { transferred: 0, decoded: 0 };
  }
  for (const resource of resources) {
    for (const kind of [resourceKind(resource), 'total']) {
      totals[kind].transferred += resource.encoded;
      totals[kind].decoded += resource.decoded;
    }
  }
  return totals;
}

/** Waits until no request of the page has been open for NETWORK_QUIET_MS. */
async function waitForQuietNetwork(requests, url) {
  const deadline = performance.now() + NETWORK_QUIET_TIMEOUT_MS;
  while (requests.open.size > 0 || performance.now() - requests.lastChange < NETWORK_QUIET_MS) {
    if (performance.now() > deadline) {
      const open = [...requests.open].map((request) => request.url()).join(', ');
      throw new Error(
        `${url} kept the network busy for more than ${NETWORK_QUIET_TIMEOUT_MS} ms. Open requests: ${open || 'none'}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Loads `url` in a new context of `browser` and waits until the network is quiet (and, with
 * `locators`, until the probe has recorded every mark). Returns the measurements of that load.
 */
export async function measurePageLoad(browser, url, { locators = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (locators) await page.addInitScript(installExplorerProbe, locators);
    await page.addInitScript(() => performance.setResourceTimingBufferSize(2000));

    const requests = { total: 0, failed: [], external: [], open: new Set(), lastChange: 0 };
    const settle = (request) => {
      requests.open.delete(request);
      requests.lastChange = performance.now();
    };
    page.on('request', (request) => {
      const requestUrl = new URL(request.url());
      if (!requestUrl.protocol.startsWith('http')) return;
      requests.total += 1;
      requests.open.add(request);
      requests.lastChange = performance.now();
      if (!LOCAL_HOSTS.has(requestUrl.hostname)) requests.external.push(request.url());
    });
    page.on('requestfinished', settle);
    page.on('requestfailed', (request) => {
      settle(request);
      requests.failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400)
        requests.failed.push(`${response.url()} (${response.status()})`);
    });

    await page.goto(url, { waitUntil: 'load' });
    if (locators) {
      await page
        .waitForFunction(
          (hasTryIt) => {
            const marks = window.__benchProbe?.marks;
            return marks?.operation !== undefined && (!hasTryIt || marks.tryItOpen !== undefined);
          },
          Boolean(locators.tryIt),
          { timeout: PROBE_TIMEOUT_MS, polling: 100 },
        )
        .catch(async () => {
          const probe = await page.evaluate(() => window.__benchProbe);
          throw new Error(
            `${url} did not reach every mark within ${PROBE_TIMEOUT_MS} ms. Marks: ${JSON.stringify(probe?.marks)}, clicks: ${probe?.clicks}.`,
          );
        });
    }
    // Failed requests to other hosts end at once, because the browser resolves no other host.
    await waitForQuietNetwork(requests, url);

    const collected = await page.evaluate(collectInPage);
    return {
      fcp: collected.fcp,
      lcp: collected.lcp,
      bytes: sumBytes(collected.resources),
      requests: requests.total,
      failedRequests: requests.failed,
      externalRequests: requests.external,
      marks: collected.probe?.marks ?? null,
      ...(collected.probe && mainThread(collected.probe)),
    };
  } finally {
    await context.close();
  }
}
