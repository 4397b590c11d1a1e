/**
 * The benchmark's steps in order: snapshot, builds, page loads, API explorers, Lighthouse and
 * the decoder's analysis. Each step adds its section to the results, and a skipped step leaves
 * its section null.
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../tests/support/browser.ts';
import { MEMORY_METHOD, timeBuild } from './build.mjs';
import { benchmarkDecoder } from './decoder.mjs';
import { DOCUMENTS, writeComparisonPages } from './explorers.mjs';
import { CATEGORIES, METRIC_AUDITS, runLighthouse } from './lighthouse.mjs';
import { describeMachine, sampleLoadAverage } from './machine.mjs';
import { measurePageLoad } from './page-load.mjs';
import { BENCH_DIR, PROJECT_DIR } from './paths.mjs';
import { startStaticServer } from './server.mjs';
import { createSnapshot, readCommit } from './snapshot.mjs';
import { medianRatio, summarize } from './stats.mjs';

/** The site's pages that the page loads and Lighthouse measure. */
export const PAGES = [
  { id: 'home', name: 'Home', path: '/' },
  { id: 'guide', name: 'Authentication guide', path: '/guides/authentication/' },
  { id: 'decoder', name: 'Token decoder', path: '/tools/token-decoder/' },
  { id: 'api-reference', name: 'API Reference', path: '/api-reference/' },
];

export const STEPS = ['build', 'pages', 'explorers', 'lighthouse', 'decoder'];

/**
 * The large-document build, as `npm run build:github` makes it: GitHub's REST description, with
 * the project's auth rules off because that document has none of its schemes.
 */
const GITHUB_BUILD = {
  outDir: 'dist-github',
  env: {
    DOCS_OPENAPI_DIR: join(PROJECT_DIR, '.cache', 'openapi-github'),
    DOCS_OPENAPI_AUTH_RULES: 'off',
  },
};

/** Fetches GitHub's REST description into the project's .cache/ unless it is there. */
function fetchGithubDocument() {
  execFileSync(process.execPath, [join(PROJECT_DIR, 'scripts', 'fetch-github-fixture.mjs')], {
    cwd: PROJECT_DIR,
    stdio: 'inherit',
  });
}

const log = (message) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Runs the enabled `steps`, each `runs` times, and returns the results object. */
export async function runBenchmark({ runs, steps }) {
  const started = performance.now();
  const load = sampleLoadAverage();
  const { commit, uncommittedChanges } = readCommit();
  const snapshot = createSnapshot();
  log(`Copied ${snapshot.files} files of commit ${commit} to ${snapshot.directory}`);

  const results = {
    command: 'npm run bench',
    commit,
    uncommittedChanges,
    date: new Date().toISOString(),
    runsPerMeasurement: runs,
    durationSeconds: null,
    machine: null,
    server: 'tests/support/static-server.mjs on 127.0.0.1, gzip on, without _headers',
    build: null,
    pages: null,
    explorers: null,
    lighthouse: null,
    decoder: null,
  };

  if (steps.includes('explorers') || steps.includes('build')) fetchGithubDocument();
  if (steps.includes('build')) {
    results.build = await measureBuilds(snapshot.directory, runs);
  } else {
    log('Building once, untimed');
    await timeBuild(snapshot.directory, { cold: false });
    if (steps.includes('explorers')) {
      log('Building the GitHub document once, untimed');
      await timeBuild(snapshot.directory, { cold: false, ...GITHUB_BUILD });
    }
  }

  const outDir = join(snapshot.directory, 'dist');
  const chromePath = chromiumExecutable();
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
  const chromiumVersion = browser.version();
  try {
    if (steps.includes('pages')) {
      results.pages = await withServer(outDir, (origin) => measurePages(browser, origin, runs));
    }
    if (steps.includes('explorers')) {
      results.explorers = await measureExplorers(browser, snapshot.directory, runs);
    }
  } finally {
    await browser.close();
  }
  // Lighthouse starts its own Chromium for each audit.
  if (steps.includes('lighthouse')) {
    results.lighthouse = await withServer(outDir, (origin) =>
      measureLighthouse(origin, chromePath, runs),
    );
  }

  if (steps.includes('decoder')) {
    log('Timing the decoder analysis');
    results.decoder = await benchmarkDecoder(snapshot.directory, runs);
  }

  const lighthouseVersion = JSON.parse(
    readFileSync(join(BENCH_DIR, 'node_modules', 'lighthouse', 'package.json'), 'utf8'),
  ).version;
  results.machine = describeMachine({ chromiumVersion, lighthouseVersion, load: load.stop() });
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  return results;
}

/** Serves `directory` while `measure(origin)` runs, and returns what it returns. */
async function withServer(directory, measure) {
  const server = await startStaticServer(directory);
  log(`Serving ${directory} at ${server.origin}`);
  try {
    return await measure(server.origin);
  } finally {
    await server.stop();
  }
}

/**
 * Times a cold and then a warm build per run, so each warm build reuses fresh caches, and a
 * cold build of the GitHub document.
 */
async function measureBuilds(siteDirectory, runs) {
  const cold = [];
  const warm = [];
  const github = [];
  for (let run = 1; run <= runs; run += 1) {
    cold.push(await timeBuild(siteDirectory, { cold: true }));
    warm.push(await timeBuild(siteDirectory, { cold: false }));
    github.push(await timeBuild(siteDirectory, { cold: true, ...GITHUB_BUILD }));
    log(
      `Build run ${run}/${runs}: cold ${cold.at(-1).seconds.toFixed(1)} s, warm ${warm.at(-1).seconds.toFixed(1)} s, GitHub document cold ${github.at(-1).seconds.toFixed(1)} s`,
    );
  }
  const describe = (builds) => ({
    seconds: summarize(
      builds.map((build) => build.seconds),
      1,
    ),
    peakMemoryMiB: summarize(
      builds.map((build) => build.peakMemoryMiB),
      0,
    ),
  });
  return {
    command: 'astro build (what npm run build runs)',
    coldMeans: 'without .astro, node_modules/.astro, node_modules/.vite and the output folder',
    memoryMethod: MEMORY_METHOD,
    cold: describe(cold),
    warm: describe(warm),
    github: {
      command: `DOCS_OPENAPI_DIR=.cache/openapi-github DOCS_OPENAPI_AUTH_RULES=off astro build --outDir ${GITHUB_BUILD.outDir} (what npm run build:github runs), cold`,
      ...describe(github),
    },
  };
}

function summarizeLoads(loads) {
  const bytes = {};
  for (const kind of Object.keys(loads[0].bytes)) {
    bytes[kind] = {
      transferred: summarize(
        loads.map((load) => load.bytes[kind].transferred),
        0,
      ),
      decoded: summarize(
        loads.map((load) => load.bytes[kind].decoded),
        0,
      ),
    };
  }
  return {
    fcpMs: summarize(loads.map((load) => load.fcp)),
    lcpMs: summarize(loads.map((load) => load.lcp)),
    requests: summarize(
      loads.map((load) => load.requests),
      0,
    ),
    bytes,
    failedRequests: [...new Set(loads.flatMap((load) => load.failedRequests))],
    externalRequests: [...new Set(loads.flatMap((load) => load.externalRequests))],
  };
}

/** `items` rotated left by `count`, so each run starts with a different item. */
function rotate(items, count) {
  const shift = count % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/**
 * Loads each URL once without recording it, so the first recorded load does not also pay for
 * the server's cold file cache and the browser's first renderer process.
 */
async function warmUp(browser, urls) {
  for (const url of urls) await measurePageLoad(browser, url);
}

/** Loads each page once per run, pages in turn, so a slow moment spreads over all of them. */
async function measurePages(browser, origin, runs) {
  await warmUp(
    browser,
    PAGES.map((page) => `${origin}${page.path}`),
  );
  const loads = new Map(PAGES.map((page) => [page.id, []]));
  for (let run = 1; run <= runs; run += 1) {
    for (const page of rotate(PAGES, run)) {
      loads.get(page.id).push(await measurePageLoad(browser, `${origin}${page.path}`));
    }
    log(`Page loads run ${run}/${runs} done`);
  }
  return {
    viewport: '1280x900, no throttling',
    settledWhen: 'the load event has fired and no request was open for 500 ms',
    items: PAGES.map((page) => ({ ...page, ...summarizeLoads(loads.get(page.id)) })),
  };
}

/** Compares the explorers on each document, with that document's build served on its own. */
async function measureExplorers(browser, siteDirectory, runs) {
  const documents = [];
  for (const document of DOCUMENTS) {
    const outDir = join(siteDirectory, document.outDir);
    const { operations, explorers } = writeComparisonPages(outDir, document);
    log(`Comparing the explorers on ${document.name} (${operations} operations)`);
    const measured = await withServer(outDir, (origin) =>
      measureExplorersOn(browser, origin, explorers, runs),
    );
    const { operation } = document;
    documents.push({
      id: document.id,
      name: document.name,
      operations,
      operation: `${operation.method.toUpperCase()} ${operation.path} (${operation.summary})`,
      ...measured,
    });
  }
  return {
    definitions: {
      documents:
        "this site loads its build output, openapi/<slug>.<hash>.json, which Scalar's store processed at build time; the other explorers load the document as written, from openapi/<slug>.json",
      firstOperation:
        "milliseconds from the start of navigation until the operation's heading is in the layout and not hidden; on this site, its entry in the static view counts (Redoc opens at the operation's route, where its heading is)",
      scalarReady:
        'milliseconds until Scalar has rendered the operation and its "Test Request" button is visible and enabled',
      tryIt:
        'milliseconds from the start of navigation until the request form is visible, when each control that opens it is clicked as soon as it is visible and enabled: Scalar\'s "Test Request" button, which opens the API Client dialog; Swagger UI\'s operation header and then "Try it out", which shows "Execute"',
      longestTask:
        'the longest main-thread task (Long Tasks API) that started before the last of these marks; while it runs, the page does not answer input',
      blocking:
        'the sum, over those tasks, of each task\'s time over 50 ms (total blocking time until "try it" is open)',
      bytes:
        'bytes loaded from navigation until "try it" is open and the network is quiet; Redoc has no "try it", so its figures stop at the first operation',
    },
    documents,
  };
}

async function measureExplorersOn(browser, origin, explorers, runs) {
  await warmUp(
    browser,
    explorers.map((explorer) => `${origin}${explorer.path}`),
  );
  const loads = new Map(explorers.map((explorer) => [explorer.id, []]));
  for (let run = 1; run <= runs; run += 1) {
    for (const explorer of rotate(explorers, run)) {
      const load = await measurePageLoad(browser, `${origin}${explorer.path}`, {
        locators: explorer.locators,
      });
      loads.get(explorer.id).push(load);
    }
    log(`API explorers run ${run}/${runs} done`);
  }

  const items = explorers.map((explorer) => {
    const explorerLoads = loads.get(explorer.id);
    const summary = summarizeLoads(explorerLoads);
    return {
      id: explorer.id,
      name: explorer.name,
      version: explorer.version,
      path: explorer.path,
      tryItAvailable: Boolean(explorer.locators.tryIt),
      firstOperationMs: summarize(explorerLoads.map((load) => load.marks.operation)),
      tryItControlMs: summarize(explorerLoads.map((load) => load.marks.tryItControl)),
      tryItMs: summarize(explorerLoads.map((load) => load.marks.tryItOpen)),
      longestTaskMs: summarize(explorerLoads.map((load) => load.longestTaskMs)),
      blockingMs: summarize(explorerLoads.map((load) => load.blockingMs)),
      fcpMs: summary.fcpMs,
      requests: summary.requests,
      js: summary.bytes.js,
      total: summary.bytes.total,
      failedRequests: summary.failedRequests,
      externalRequests: summary.externalRequests,
    };
  });

  const ours = items.find((item) => item.id === 'ours');
  const ratios = items
    .filter((item) => item.id !== 'ours')
    .map((item) => ({
      id: item.id,
      name: item.name,
      firstOperation: medianRatio(ours.firstOperationMs, item.firstOperationMs),
      tryIt: medianRatio(ours.tryItMs, item.tryItMs),
      // Our "try it" against their first operation: whether the build-time work cut the work
      // left to the browser, rather than only hiding it behind the static view.
      tryItVersusFirstOperation: medianRatio(ours.tryItMs, item.firstOperationMs),
      jsTransferred: medianRatio(ours.js.transferred, item.js.transferred),
    }));

  return { items, ratios };
}

async function measureLighthouse(origin, chromePath, runs) {
  const audits = new Map(PAGES.map((page) => [page.id, []]));
  let first = null;
  for (let run = 1; run <= runs; run += 1) {
    for (const page of PAGES) {
      const audit = await runLighthouse(`${origin}${page.path}`, {
        chromePath,
        chromeFlags: CHROMIUM_ARGS,
        reportName: `${page.id}-${run}`,
      });
      first ??= audit;
      audits.get(page.id).push(audit);
    }
    log(`Lighthouse run ${run}/${runs} done`);
  }
  return {
    version: first.version,
    settings: first.settings,
    items: PAGES.map((page) => {
      const pageAudits = audits.get(page.id);
      const scores = {};
      for (const category of CATEGORIES) {
        scores[category] = summarize(
          pageAudits.map((audit) => audit.scores[category]),
          0,
        );
      }
      const metrics = {};
      for (const [audit, unit] of Object.entries(METRIC_AUDITS)) {
        metrics[audit] = summarize(
          pageAudits.map((entry) => entry.metrics[audit]),
          unit === 'ms' ? 0 : 3,
        );
      }
      const warnings = [...new Set(pageAudits.flatMap((audit) => audit.warnings))];
      return { ...page, scores, metrics, warnings };
    }),
  };
}
