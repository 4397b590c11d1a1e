// Checks the size budgets of budgets.json against a build: npm run budgets
//   node scripts/check-budgets.mjs [--dir dist] [--base /] [--budgets budgets.json]
// Reads each built HTML page and follows its scripts, module preloads and stylesheets and the
// imports inside the JS chunks. Each file is measured gzipped at zlib's default level 6, as
// tests/support/static-server.mjs serves it. Exits 1 when a budget is broken.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: process.env.DOCS_BASE_PATH || '/' },
    budgets: { type: 'string', default: 'budgets.json' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: node scripts/check-budgets.mjs [options]
  --dir DIR        built site to check, default dist
  --base PATH      base path the site was built with, default $DOCS_BASE_PATH or /
  --budgets FILE   budgets file, default budgets.json`);
  process.exit(0);
}

const outDir = resolve(values.dir);
const base = values.base.endsWith('/') ? values.base : `${values.base}/`;
const budgets = JSON.parse(readFileSync(values.budgets, 'utf8'));

const gzipSizes = new Map();
/** Measures the gzip size in bytes of a file's content, once per `key`. */
function gzipSize(key, content) {
  if (!gzipSizes.has(key)) gzipSizes.set(key, gzipSync(content).length);
  return gzipSizes.get(key);
}

const formatKiB = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function listHtmlPages(directory) {
  const pages = [];
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) {
      pages.push(relative(outDir, join(entry.parentPath, entry.name)));
    }
  }
  return pages.sort();
}

/**
 * Resolves a URL of the page at `fromFile` to a file in the build. Returns null for another
 * host, a data: URL, a path outside the base or a file that does not exist.
 */
function resolveUrl(url, fromFile) {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return null;
  const path = url.split(/[?#]/)[0];
  let fileInBuild;
  if (path.startsWith('/')) {
    if (!path.startsWith(base)) return null;
    fileInBuild = path.slice(base.length);
  } else {
    fileInBuild = posix.join(posix.dirname(fromFile), path);
  }
  return existsSync(join(outDir, fileInBuild)) ? posix.normalize(fileInBuild) : null;
}

const attribute = (tag, name) =>
  tag
    .match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
    ?.slice(1)
    .find(Boolean);

/** Lists the scripts, module preloads, stylesheets and inline scripts of an HTML page. */
function readPageAssets(page) {
  const html = readFileSync(join(outDir, page), 'utf8');
  const scripts = [];
  const styles = [];
  const inline = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attribute(`<script${match[1]}>`, 'src');
    if (src) {
      const file = resolveUrl(src, page);
      if (file) scripts.push(file);
    } else if (match[2].trim()) {
      inline.push(match[2]);
    }
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(match[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const file = resolveUrl(attribute(match[0], 'href') ?? '', page);
    if (!file) continue;
    if (rel.includes('modulepreload')) scripts.push(file);
    else if (rel.includes('stylesheet')) styles.push(file);
  }
  return { scripts, styles, inline };
}

const STATIC_IMPORT =
  /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]([^"'`\n]+)["'`]/g;
const DYNAMIC_IMPORT = /(?:^|[^\w$.])import\(\s*["'`]([^"'`\n]+)["'`]\s*\)/g;
/** Vite lists the files that a dynamic import preloads, relative to the base, in __vite__mapDeps. */
const PRELOAD_LIST = /__vite__mapDeps=[^[]*\[([^\]]*)\]/g;

/** Lists the files that a JS chunk imports statically and dynamically, as paths in the build. */
function readImports(file, text) {
  const staticImports = [];
  const dynamicImports = [];
  for (const [, specifier] of text.matchAll(STATIC_IMPORT)) {
    const target = resolveUrl(specifier, file);
    if (target) staticImports.push(target);
  }
  for (const [, specifier] of text.matchAll(DYNAMIC_IMPORT)) {
    const target = resolveUrl(specifier, file);
    if (target) dynamicImports.push(target);
  }
  for (const [, list] of text.matchAll(PRELOAD_LIST)) {
    for (const [, path] of list.matchAll(/["'`]([^"'`]+)["'`]/g)) {
      const target = resolveUrl(`${base}${path}`, file);
      if (target) dynamicImports.push(target);
    }
  }
  return { staticImports, dynamicImports };
}

const importCache = new Map();
function importsOf(file) {
  if (!importCache.has(file)) {
    importCache.set(file, readImports(file, readFileSync(join(outDir, file), 'utf8')));
  }
  return importCache.get(file);
}

/**
 * Collects every file reachable from `entries` through static imports, and through dynamic
 * ones too with `followDynamic`. CSS files that a dynamic import preloads are included.
 */
function reachableFiles(entries, { followDynamic }) {
  const seen = new Set();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    const { staticImports, dynamicImports } = importsOf(file);
    pending.push(...staticImports);
    if (followDynamic) pending.push(...dynamicImports);
  }
  return seen;
}

/** Collects the JS and CSS a page loads statically, or with every dynamic import too. */
function pageGraph(page, { followDynamic }) {
  const assets = readPageAssets(page);
  const inlineImports = assets.inline.flatMap((text) => {
    const { staticImports, dynamicImports } = readImports(page, text);
    return followDynamic ? [...staticImports, ...dynamicImports] : staticImports;
  });
  const files = reachableFiles([...assets.scripts, ...inlineImports], { followDynamic });
  for (const style of assets.styles) files.add(style);
  return { files: [...files].sort(), inline: assets.inline };
}

function gzipOfFiles(files, extensionPattern) {
  return files
    .filter((file) => extensionPattern.test(file))
    .reduce((sum, file) => sum + gzipSize(file, readFileSync(join(outDir, file))), 0);
}

function filesWithMarkers(files, markers) {
  return files.filter((file) => {
    const pattern = /\.css$/.test(file) ? markers.css : markers.js;
    const text = readFileSync(join(outDir, file), 'utf8');
    return pattern.some((marker) => text.includes(marker));
  });
}

// ---------------------------------------------------------------------------------------------

if (!existsSync(outDir)) {
  console.error(`No build at ${outDir}. Run \`npm run build\` first, or pass --dir.`);
  process.exit(1);
}

const rows = [];
const failures = [];
const pages = listHtmlPages(outDir);

// 1. Scalar's code only on the API Reference.
const scalarBudget = budgets.scalarOnlyOnApiReference;
const apiReferencePage = scalarBudget.apiReferencePage;
if (!pages.includes(apiReferencePage)) {
  failures.push(
    `${apiReferencePage} is missing from ${outDir}, so the Scalar check has nothing to compare with.`,
  );
} else {
  const found = filesWithMarkers(
    pageGraph(apiReferencePage, { followDynamic: true }).files,
    scalarBudget.markers,
  );
  rows.push([
    apiReferencePage,
    'Scalar code (must be found)',
    `${found.length} file(s)`,
    'at least 1',
    found.length > 0,
  ]);
  if (found.length === 0) {
    failures.push(
      `No file reachable from ${apiReferencePage} contains a Scalar marker (${[...scalarBudget.markers.js, ...scalarBudget.markers.css].join(', ')}). ` +
        'The markers no longer match Scalar\'s bundle, so the check below cannot see Scalar: update "markers" in budgets.json.',
    );
  }
}
for (const page of pages.filter((candidate) => candidate !== apiReferencePage)) {
  const graph = pageGraph(page, { followDynamic: true });
  const scalarFiles = filesWithMarkers(graph.files, scalarBudget.markers);
  const inlineWithScalar = graph.inline.filter((text) =>
    scalarBudget.markers.js.some((marker) => text.includes(marker)),
  );
  const broken = scalarFiles.length > 0 || inlineWithScalar.length > 0;
  rows.push([
    page,
    'Scalar code',
    `${scalarFiles.length + inlineWithScalar.length} file(s)`,
    '0',
    !broken,
  ]);
  if (broken) {
    failures.push(
      `${page} can load Scalar's code, which belongs only on ${apiReferencePage}: ${[...scalarFiles, ...inlineWithScalar.map(() => 'an inline script')].join(', ')}. ` +
        'Import @scalar/api-reference only from the API Reference page.',
    );
  }
}

// 2. The decoder's island before interaction.
const islandBudget = budgets.decoderIsland;
if (!pages.includes(islandBudget.page)) {
  failures.push(`${islandBudget.page} is missing from ${outDir}; the decoder budget needs it.`);
} else {
  const entries = readPageAssets(islandBudget.page).scripts.filter((file) =>
    file.startsWith(islandBudget.entryPrefix),
  );
  const islandFiles = [...reachableFiles(entries, { followDynamic: false })].sort();
  const islandJs = gzipOfFiles(islandFiles, /\.m?js$/);
  const pageJs = gzipOfFiles(
    pageGraph(islandBudget.page, { followDynamic: false }).files,
    /\.m?js$/,
  );
  const withinBudget = entries.length > 0 && islandJs <= islandBudget.maxGzipBytes;
  rows.push([
    islandBudget.page,
    'decoder island JS before interaction, gzip',
    formatKiB(islandJs),
    `<= ${formatKiB(islandBudget.maxGzipBytes)}`,
    withinBudget,
  ]);
  rows.push([
    islandBudget.page,
    'all static JS of the page, gzip',
    formatKiB(pageJs),
    'none',
    true,
  ]);
  if (entries.length === 0) {
    failures.push(
      `${islandBudget.page} has no script whose path starts with "${islandBudget.entryPrefix}", so the decoder's island was not found. ` +
        "Update decoderIsland.entryPrefix in budgets.json to the island's script.",
    );
  } else if (!withinBudget) {
    failures.push(
      `${islandBudget.page}: the decoder's island JS is ${formatKiB(islandJs)} gzipped (${islandJs} bytes), over its budget of ${formatKiB(islandBudget.maxGzipBytes)} ` +
        `(${islandBudget.maxGzipBytes} bytes). Files: ${islandFiles.join(', ')}. Move code that runs only after input behind a dynamic import(), or raise decoderIsland.maxGzipBytes in budgets.json with a reason.`,
    );
  }
}

// 3. The API Reference's JS below Scalar's standalone bundle.
const referenceBudget = budgets.apiReferenceJs;
const standalonePath = resolve(referenceBudget.lessThanGzipOf);
if (!existsSync(standalonePath)) {
  failures.push(
    `${referenceBudget.lessThanGzipOf} is missing. Run \`npm ci\` so the API Reference budget can be measured.`,
  );
} else if (!pages.includes(referenceBudget.page)) {
  failures.push(
    `${referenceBudget.page} is missing from ${outDir}; the API Reference budget needs it.`,
  );
} else {
  const limit = gzipSize(standalonePath, readFileSync(standalonePath));
  const allFiles = pageGraph(referenceBudget.page, { followDynamic: true }).files;
  const isExcluded = (file) =>
    referenceBudget.excludedChunks.some((chunk) => posix.basename(file).startsWith(chunk.prefix));
  const allJs = gzipOfFiles(allFiles, /\.m?js$/);
  const referenceJs = gzipOfFiles(
    allFiles.filter((file) => !isExcluded(file)),
    /\.m?js$/,
  );
  const withinBudget = referenceJs < limit;
  rows.push([
    referenceBudget.page,
    'JS it can load, gzip (static and dynamic imports, less excludedChunks)',
    formatKiB(referenceJs),
    `< ${formatKiB(limit)} (Scalar standalone)`,
    withinBudget,
  ]);
  rows.push([referenceBudget.page, 'JS of every import, gzip', formatKiB(allJs), 'none', true]);
  if (!withinBudget) {
    failures.push(
      `${referenceBudget.page}: the JS it can load is ${formatKiB(referenceJs)} gzipped (${referenceJs} bytes), not less than Scalar's standalone bundle at ${formatKiB(limit)} (${limit} bytes). ` +
        "Check for a second copy of Scalar or for a dependency that Scalar's bundle does not contain.",
    );
  }
}

const header = ['Page', 'Figure', 'Measured', 'Budget', 'Result'];
const table = [header, ...rows.map((row) => [...row.slice(0, 4), row[4] ? 'ok' : 'OVER'])];
const widths = header.map((_, column) =>
  Math.max(...table.map((row) => String(row[column]).length)),
);
for (const row of table) {
  console.log(
    row
      .map((cell, column) => String(cell).padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  );
}

if (failures.length > 0) {
  console.error(
    `\n${failures.length} budget(s) broken in ${relative(process.cwd(), outDir) || outDir}:`,
  );
  for (const failure of failures) console.error(`- ${failure}`);
  process.exit(1);
}
console.log(`\nAll size budgets are met in ${relative(process.cwd(), outDir) || outDir}.`);
