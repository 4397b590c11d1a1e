/**
 * Serves the Markdown source of every docs page at the page's path plus `.md`, such as
 * `/guides/authentication.md`, converted so it reads on its own (see markdown-export.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { exportMarkdown } from '../lib/docs/markdown-export';

export const getStaticPaths = (async () => {
  const entries = await getCollection('docs', (entry) => entry.id !== '404');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CollectionEntry<'docs'> }> = ({ props, site }) => {
  // The home page's entry is `index`, served at the base path itself.
  const page = props.entry.id === 'index' ? '' : `${props.entry.id}/`;
  const pagePath = `${import.meta.env.BASE_URL}/${page}`.replace(/\/{2,}/g, '/');
  const text = exportMarkdown(props.entry.data.title, props.entry.body ?? '', {
    pagePath,
    pageUrl: new URL(pagePath, site ?? 'http://localhost:4321').href,
  });
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
