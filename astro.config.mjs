// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import starlightLlmsTxt from 'starlight-llms-txt';
import { getOpenApiDocuments } from './src/lib/openapi/index.ts';
import { getSettings } from './src/settings.ts';

const settings = getSettings();

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
    },
  };
}

export default defineConfig({
  site: settings.siteUrl,
  base: settings.basePath,
  trailingSlash: 'always',
  integrations: [
    checkOpenApiDocuments(),
    starlight({
      title: 'Miles USP API',
      description:
        'How to authenticate with the Miles USP API, try its endpoints in the browser and check a JWT.',
      customCss: ['./src/styles/site.css'],
      plugins: [
        // Fails the build on a broken internal link or anchor.
        starlightLinksValidator({ errorOnRelativeLinks: false }),
        starlightLlmsTxt({
          projectName: 'Miles USP API',
          description:
            'How the Miles USP API authenticates requests (dual-JWT Bearer tokens and partner header tokens), how to get an admin token, and how to try the API.',
        }),
      ],
      editLink: settings.repositoryUrl
        ? { baseUrl: `${settings.repositoryUrl}/edit/main/` }
        : undefined,
      lastUpdated: Boolean(settings.repositoryUrl),
      sidebar: [
        { label: 'Overview', link: '/' },
        {
          label: 'Guides',
          items: [{ label: 'Authentication', slug: 'guides/authentication' }],
        },
        {
          label: 'Reference',
          items: [
            { label: 'API Reference', link: '/api-reference/' },
            { label: 'Token decoder', slug: 'tools/token-decoder' },
          ],
        },
      ],
    }),
  ],
});
