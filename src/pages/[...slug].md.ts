/**
 * Serves the Markdown source of every docs page at the page's path plus `.md`, such as
 * `/guides/authentication.md`. MDX import lines are dropped; component tags stay as written.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';

export const getStaticPaths = (async () => {
  const entries = await getCollection('docs', (entry) => entry.id !== '404');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CollectionEntry<'docs'> }> = ({ props }) => {
  const body = (props.entry.body ?? '').replace(/^import .*\n/gm, '').trimStart();
  const text = `# ${props.entry.data.title}\n\n${body}`;
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
