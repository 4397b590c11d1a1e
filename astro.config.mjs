// @ts-check
import { relative, resolve, sep } from 'node:path';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { loadEnv } from 'vite';
import starlightLinksValidator from 'starlight-links-validator';
import starlightLlmsTxt from 'starlight-llms-txt';
import securityHeaders from './src/integrations/security-headers.ts';
import { getOpenApiDocuments } from './src/lib/openapi/index.ts';
import { getSettings } from './src/settings.ts';

// Astro gives the pages the DOCS_* values of a .env file. They are read here too, so that the
// config (site URL, CSP servers) and the pages agree. Variables set in the environment win over the file.
const mode = process.argv.includes('dev') ? 'development' : 'production';
for (const [name, value] of Object.entries(loadEnv(mode, process.cwd(), 'DOCS_'))) {
  process.env[name] ??= value;
}

const settings = getSettings();

/** The site's navigation; llms.txt lists the same pages. */
const SIDEBAR = [
  { label: 'Overview', link: '/' },
  {
    label: 'Guides',
    items: [{ label: 'Authentication', slug: 'guides/authentication' }],
  },
  {
    label: 'Reference',
    items: [
      { label: 'API Reference', link: '/api-reference/' },
      { label: 'Endpoints', link: '/endpoints/' },
      { label: 'Token decoder', slug: 'tools/token-decoder' },
      { label: 'Decoder messages', slug: 'tools/decoder-messages' },
      { label: 'Playground', slug: 'tools/playground' },
      { label: 'Performance', link: '/performance/' },
    ],
  },
  {
    label: 'Operate',
    items: [{ label: 'Deploy', slug: 'deploy' }],
  },
];

/**
 * Lists every page of the sidebar as Markdown links with absolute URLs, for llms.txt.
 * @param {Array<{ label: string; link?: string; slug?: string; items?: Array<{ label: string; link?: string; slug?: string }> }>} sidebar
 */
function pageList(sidebar) {
  const links = sidebar.flatMap((entry) => entry.items ?? [entry]);
  return links
    .map(({ label, link, slug }) => {
      const path = slug ? `${slug}/` : (link ?? '/').replace(/^\//, '');
      return `- [${label}](${new URL(`${settings.basePath}${path}`, settings.siteUrl).href})`;
    })
    .join('\n');
}

/**
 * Checks the OpenAPI documents before anything is built, so a broken document stops
 * `astro build` and `astro dev` at once with the file, the location and the fix.
 * @returns {import('astro').AstroIntegration}
 */
function checkOpenApiDocuments() {
  return {
    name: 'miles-openapi-check',
    hooks: {
      'astro:config:setup': async ({ logger }) => {
        const documents = await getOpenApiDocuments();
        const operations = documents.reduce((sum, item) => sum + item.operations.length, 0);
        logger.info(`${documents.length} OpenAPI document(s), ${operations} operation(s) checked`);
      },
      // Under `astro dev`, an edit in the OpenAPI folder reloads the open pages, which then read
      // the documents again (src/lib/openapi/index.ts reloads them when the folder changed).
      'astro:server:setup': ({ server, logger }) => {
        const folder = resolve(settings.openapiDir);
        server.watcher.add(folder);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(`${folder}${sep}`)) return;
          logger.info(`${relative(process.cwd(), path)} changed: reloading the pages`);
          server.ws.send({ type: 'full-reload' });
        });
      },
    },
  };
}

export default defineConfig({
  site: settings.siteUrl,
  base: settings.basePath,
  // Pages are folders with index.html, so links end with a slash. 'ignore' lets the dev and
  // preview servers also serve /api-reference without it, which most CDNs redirect.
  trailingSlash: 'ignore',
  integrations: [
    checkOpenApiDocuments(),
    starlight({
      title: 'Miles USP API',
      description:
        'How to authenticate with the Miles USP API, try its endpoints in the browser and check a JWT.',
      customCss: ['./src/styles/site.css'],
      components: { PageTitle: './src/components/overrides/PageTitle.astro' },
      plugins: [
        // Fails the build on a broken internal link or anchor.
        starlightLinksValidator({ errorOnRelativeLinks: false }),
        starlightLlmsTxt({
          projectName: 'Miles USP API',
          description:
            'How the Miles USP API authenticates requests (dual-JWT Bearer tokens and partner header tokens), how to get an admin token, and how to try the API.',
          details: `## Pages\n\n${pageList(SIDEBAR)}`,
          exclude: ['404'],
        }),
      ],
      editLink: settings.repositoryEditUrl ? { baseUrl: settings.repositoryEditUrl } : undefined,
      lastUpdated: Boolean(settings.repositoryUrl),
      sidebar: SIDEBAR,
    }),
    // Writes _headers with the CSP. It comes after Starlight, which adds Pagefind's files at build end.
    securityHeaders({ servers: settings.servers }),
  ],
});
