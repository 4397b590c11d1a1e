// Serves a built site the way a CDN would, for the browser tests and the benchmark:
//   node tests/support/static-server.mjs --dir dist --port 4391 [--headers]
// With --headers, every response carries the headers that the build's `_headers` file assigns
// to its path (the format Netlify and Cloudflare Pages read).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4391' },
    host: { type: 'string', default: '127.0.0.1' },
    headers: { type: 'boolean', default: false },
    base: { type: 'string', default: '/' },
  },
});

const root = resolve(values.dir);
const base = values.base.endsWith('/') ? values.base : `${values.base}/`;
const rules = values.headers ? parseHeadersFile(join(root, '_headers')) : [];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.yaml',
  '.txt',
  '.xml',
  '.svg',
]);

/** Parses `_headers`: a path pattern on its own line, then indented `Name: value` lines. */
function parseHeadersFile(path) {
  if (!existsSync(path)) throw new Error(`No _headers file at ${path}. Build the site first.`);
  const parsed = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      parsed.push({ pattern: patternToRegExp(line.trim()), headers: [] });
      continue;
    }
    const separator = line.indexOf(':');
    parsed
      .at(-1)
      ?.headers.push([line.slice(0, separator).trim(), line.slice(separator + 1).trim()]);
  }
  return parsed;
}

function patternToRegExp(pattern) {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
}

function resolveFile(pathname) {
  if (!pathname.startsWith(base)) return undefined;
  let decoded;
  try {
    decoded = decodeURIComponent(pathname.slice(base.length));
  } catch {
    // A malformed escape such as "/%" names no file.
    return undefined;
  }
  const relative = normalize(decoded);
  if (relative.startsWith('..')) return undefined;
  let file = join(root, relative);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === base.slice(0, -1)) {
    response.writeHead(301, { Location: base }).end();
    return;
  }
  const file = resolveFile(url.pathname);
  const status = file ? 200 : 404;
  const served = file ?? join(root, '404.html');
  if (!existsSync(served)) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const extension = extname(served);

  for (const rule of rules) {
    if (!rule.pattern.test(url.pathname)) continue;
    for (const [name, value] of rule.headers) response.appendHeader(name, value);
  }
  response.setHeader('Content-Type', TYPES[extension] ?? 'application/octet-stream');

  const gzip =
    COMPRESSIBLE.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  if (gzip) response.setHeader('Content-Encoding', 'gzip');
  response.writeHead(status);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(served);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
});

server.listen(Number(values.port), values.host, () => {
  console.log(`Serving ${root} at http://${values.host}:${values.port}${base}`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)));
