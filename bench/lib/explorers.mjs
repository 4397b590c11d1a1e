/**
 * The API explorers that the benchmark compares on the same OpenAPI document: the site's own API
 * Reference, and three one-file pages written into the served build that load Scalar's
 * standalone bundle, Swagger UI and Redoc.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchRedocBundle, REDOC_VERSION } from '../scripts/fetch-redoc.mjs';
import { BENCH_DIR, PROJECT_DIR } from './paths.mjs';

/**
 * The OpenAPI documents the explorers are compared on: this site's own, and GitHub's REST
 * description (1,223 operations) built as the large-document fixture. For each, the operation
 * whose heading and "try it" control the timings wait for, and where each explorer shows it.
 * Documents with more than 50 operations open with their tags closed, except the first, in Scalar
 * standalone as on this site.
 */
export const DOCUMENTS = [
  {
    id: 'small',
    name: 'Miles USP API',
    outDir: 'dist',
    operation: {
      method: 'post',
      path: '/v7/login-with-phone-otp',
      summary: 'Send an admin login OTP',
    },
    // Redoc 3 shows an operation only on its tag's route, not on the overview.
    redocRoute: '#/admin-login/loginwithphoneotp',
  },
  {
    id: 'github',
    name: "GitHub's REST API",
    outDir: 'dist-github',
    // The first operation of the first tag, which every explorer shows first.
    operation: {
      method: 'get',
      path: '/enterprises/{enterprise}/actions/cache/retention-limit',
      summary: 'Get GitHub Actions cache retention limit for an enterprise',
    },
    redocRoute: '#/actions/actions/get-actions-cache-retention-limit-for-enterprise',
  },
];

/** Folder of the comparison pages inside the served build. */
const COMPARISON_FOLDER = 'bench-explorers';

const SCALAR_PACKAGE = join(PROJECT_DIR, 'node_modules', '@scalar', 'api-reference');
const SWAGGER_PACKAGE = join(BENCH_DIR, 'node_modules', 'swagger-ui-dist');

/**
 * Locators of one explorer, which the probe in `page-load.mjs` checks in the page. Each names a
 * CSS selector and, optionally, the element's exact text (`text`) or a part of it (`includes`),
 * with runs of whitespace collapsed; a list of locators matches when any one does.
 * `tryIt` lists the clicks that open the request form, and `tryItOpen` is the element that
 * shows it is open. An explorer without "try it" has `tryIt: null`.
 */
function scalarLocators(operation) {
  return {
    operation: { selector: 'h1, h2, h3, h4, h5, h6', text: operation.summary },
    tryIt: [
      {
        selector: 'button',
        text: `Test Request(${operation.method} ${operation.path})`,
      },
    ],
    tryItOpen: { selector: '[role="dialog"][aria-label="API Client"]' },
  };
}

/**
 * This site's locators: the operation counts as shown as soon as the static view lists it, and
 * "try it" waits for Scalar.
 */
function ourLocators(operation) {
  const scalar = scalarLocators(operation);
  return {
    ...scalar,
    operation: [
      { selector: '[data-static-reference] li > span', text: operation.summary },
      scalar.operation,
    ],
  };
}

/** Number of operations in an OpenAPI document. */
function countOperations(document) {
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  return Object.values(document.paths ?? {}).reduce(
    (count, item) => count + methods.filter((method) => item?.[method]).length,
    0,
  );
}

/** Version of the package installed in `directory`. */
export function packageVersion(directory) {
  return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')).version;
}

/** Finds the build's fingerprinted OpenAPI document, such as `/openapi/miles-usp.1a2b3c4d5e.json`. */
export function findPreparedDocument(outDir) {
  const files = readdirSync(join(outDir, 'openapi')).filter((name) =>
    /^[\w-]+\.[0-9a-f]{6,}\.json$/.test(name),
  );
  if (files.length !== 1) {
    throw new Error(
      `Expected one fingerprinted document such as openapi/<slug>.<hash>.json in ${outDir}, found ${files.length}: ${files.join(', ') || 'none'}.`,
    );
  }
  return `/openapi/${files[0]}`;
}

/**
 * Writes the comparison pages and their bundles into the build folder of `document` and returns
 * every explorer with its path on the server, its version and its locators.
 */
export function writeComparisonPages(outDir, document) {
  // The other explorers load the document as published at its stable URL, as their users would.
  // Loading the site's prepared copy would hand Scalar standalone the work this site does at
  // build time.
  const preparedUrl = findPreparedDocument(outDir);
  const documentUrl = preparedUrl.replace(/\.[0-9a-f]+\.json$/, '.json');
  const operations = countOperations(
    JSON.parse(readFileSync(join(outDir, documentUrl.slice(1)), 'utf8')),
  );
  const scalarVersion = packageVersion(SCALAR_PACKAGE);
  const swaggerVersion = packageVersion(SWAGGER_PACKAGE);
  const { operation } = document;

  writeScalarPage(join(outDir, COMPARISON_FOLDER, 'scalar'), documentUrl, operations);
  writeSwaggerPage(join(outDir, COMPARISON_FOLDER, 'swagger-ui'), documentUrl);
  writeRedocPage(join(outDir, COMPARISON_FOLDER, 'redoc'), documentUrl);

  return {
    operations,
    explorers: [
      {
        id: 'ours',
        name: 'This site (Scalar in Starlight)',
        version: `@scalar/api-reference ${scalarVersion}`,
        path: '/api-reference/',
        locators: ourLocators(operation),
      },
      {
        id: 'scalar',
        name: 'Scalar standalone',
        version: `@scalar/api-reference ${scalarVersion}`,
        path: `/${COMPARISON_FOLDER}/scalar/`,
        locators: scalarLocators(operation),
      },
      {
        id: 'swagger-ui',
        name: 'Swagger UI',
        version: `swagger-ui-dist ${swaggerVersion}`,
        path: `/${COMPARISON_FOLDER}/swagger-ui/`,
        locators: {
          operation: { selector: '.opblock-summary-description', text: operation.summary },
          // Swagger UI shows "Try it out" only inside an expanded operation.
          tryIt: [
            { selector: '.opblock-summary-control', includes: operation.summary },
            { selector: 'button.try-out__btn', text: 'Try it out' },
          ],
          tryItOpen: { selector: 'button.execute', text: 'Execute' },
        },
      },
      {
        id: 'redoc',
        name: 'Redoc',
        version: `redoc ${REDOC_VERSION}`,
        path: `/${COMPARISON_FOLDER}/redoc/${document.redocRoute}`,
        locators: {
          operation: { selector: 'h1, h2, h3', text: operation.summary },
          tryIt: null,
          tryItOpen: null,
        },
      },
    ],
  };
}

function writeHtml(directory, title, head, body) {
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
${head}
  </head>
  <body>
${body}
  </body>
</html>
`,
  );
}

/**
 * Scalar's standalone bundle with the options of the site that change what it loads or sends:
 * no proxy, no font CDN, no telemetry, no agent or MCP panels.
 */
function writeScalarPage(directory, documentUrl, operations) {
  mkdirSync(directory, { recursive: true });
  copyFileSync(
    join(SCALAR_PACKAGE, 'dist', 'browser', 'standalone.js'),
    join(directory, 'standalone.js'),
  );
  const configuration = {
    proxyUrl: '',
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: true,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: 'never',
    persistAuth: false,
    // The same rule as the site's own page: tags start open only on small documents.
    defaultOpenAllTags: operations <= 50,
  };
  writeHtml(
    directory,
    'Scalar standalone',
    '',
    `    <script id="api-reference" data-url="${documentUrl}" data-configuration='${JSON.stringify(configuration)}'></script>
    <script src="./standalone.js"></script>`,
  );
}

/** Swagger UI's bundle and stylesheet, without the online validator badge. */
function writeSwaggerPage(directory, documentUrl) {
  mkdirSync(directory, { recursive: true });
  for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
    copyFileSync(join(SWAGGER_PACKAGE, file), join(directory, file));
  }
  writeFileSync(
    join(directory, 'init.js'),
    `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(documentUrl)},
  dom_id: '#swagger-ui',
  deepLinking: false,
  validatorUrl: null,
});
`,
  );
  writeHtml(
    directory,
    'Swagger UI',
    '    <link rel="stylesheet" href="./swagger-ui.css" />',
    `    <div id="swagger-ui"></div>
    <script src="./swagger-ui-bundle.js"></script>
    <script src="./init.js"></script>`,
  );
}

/** Redoc's standalone bundle, with its telemetry switched off. */
function writeRedocPage(directory, documentUrl) {
  mkdirSync(directory, { recursive: true });
  copyFileSync(fetchRedocBundle(), join(directory, 'redoc.standalone.js'));
  writeHtml(
    directory,
    'Redoc',
    '',
    `    <redoc spec-url="${documentUrl}" disable-telemetry="true"></redoc>
    <script type="module" src="./redoc.standalone.js"></script>`,
  );
}
