/**
 * Writes the `_headers` file (Netlify and Cloudflare Pages format) into the build output: a
 * strict Content Security Policy with the hash of every inline script, other security headers,
 * and cache rules for pages and fingerprinted assets.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildContentSecurityPolicy } from '../lib/security/csp';
import { buildHeadersFile } from '../lib/security/headers-file';
import { findInlineScripts, hashInlineScript } from '../lib/security/inline-scripts';

/** Options of {@link securityHeaders}. */
export interface SecurityHeadersOptions {
  /** API servers that "try it" may call, such as the `servers` of `getSettings()`. */
  servers: Record<string, string>;
}

/** Limits of a `_headers` file on Cloudflare Pages, from its "Headers" documentation page. */
const CLOUDFLARE_MAX_LINE_LENGTH = 2000;
const CLOUDFLARE_MAX_RULES = 100;

/**
 * Returns the integration. List it after Starlight: Starlight writes the Pagefind index in its own
 * `astro:build:done` hook, and Astro runs these hooks in the order of `integrations`.
 */
export default function securityHeaders(options: SecurityHeadersOptions): AstroIntegration {
  let basePath = '/';
  let assetsFolder = '_astro';

  return {
    name: 'miles-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        const ownFile = join(fileURLToPath(config.publicDir), '_headers');
        if (existsSync(ownFile)) {
          throw new Error(
            `${ownFile} would be replaced by the generated _headers file. Move its rules into src/lib/security/headers-file.ts and delete it.`,
          );
        }
        basePath = config.base;
        assetsFolder = config.build.assets;
      },

      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const htmlFiles = await listHtmlFiles(outDir);

        const hashes = new Set<string>();
        for (const file of htmlFiles) {
          const html = await readFile(join(outDir, file), 'utf8');
          for (const script of findInlineScripts(html)) hashes.add(hashInlineScript(script));
        }

        const contentSecurityPolicy = buildContentSecurityPolicy({
          scriptHashes: [...hashes],
          apiServerUrls: Object.values(options.servers),
        });
        const text = buildHeadersFile({
          basePath,
          assetsFolder,
          contentSecurityPolicy,
          htmlFiles,
          fingerprintedFiles: await listPreparedDocuments(outDir),
        });
        await writeFile(join(outDir, '_headers'), text);
        logger.info(
          `_headers written: ${hashes.size} inline script hash(es) from ${htmlFiles.length} HTML file(s)`,
        );

        const cspLine = `  Content-Security-Policy: ${contentSecurityPolicy}`;
        if (cspLine.length > CLOUDFLARE_MAX_LINE_LENGTH) {
          logger.warn(
            `The Content-Security-Policy line of _headers has ${cspLine.length} characters, over the ${CLOUDFLARE_MAX_LINE_LENGTH} that Cloudflare Pages accepts. Remove inline scripts, or set the header in the host's own configuration.`,
          );
        }
        const ruleCount = text.split('\n').filter((line) => /^\S/.test(line)).length;
        if (ruleCount > CLOUDFLARE_MAX_RULES) {
          logger.warn(
            `_headers has ${ruleCount} rules, over the ${CLOUDFLARE_MAX_RULES} that Cloudflare Pages accepts. Set the page Cache-Control in the host's own configuration instead.`,
          );
        }
      },
    },
  };
}

/** Lists the `.html` files under `root`, relative to it with `/` separators, sorted. */
async function listHtmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Lists the fingerprinted OpenAPI documents, `openapi/<slug>.<hash>.json`, of the build. */
async function listPreparedDocuments(outDir: string): Promise<string[]> {
  const folder = join(outDir, 'openapi');
  if (!existsSync(folder)) return [];
  return (await readdir(folder))
    .filter((name) => /^[\w-]+\.[0-9a-f]{10}\.json$/.test(name))
    .map((name) => `openapi/${name}`);
}
