/**
 * Serves each OpenAPI document as written in its file, as JSON with a 2-space indent, at the
 * stable URL `<base>openapi/<slug>.json`. The server URLs are those of the file, not the build's.
 *
 * `[file].json.ts` next to this route serves the fingerprinted `<slug>.<hash>.json` that the API
 * Reference loads. A slug never contains a dot, so the two routes never build the same path.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getOpenApiDocuments, type LoadedDocument } from '../../lib/openapi';
import { parseText } from '../../lib/openapi/parse';

export const getStaticPaths = (async () => {
  const documents = await getOpenApiDocuments();
  return documents.map((document) => ({ params: { slug: document.slug }, props: { document } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: LoadedDocument }> = ({ props }) => {
  // The loader parsed this same text without error, so this check only narrows the type.
  const parsed = parseText(props.document.sourceText, props.document.file);
  if (!parsed.ok) {
    throw new Error(`Failed to parse ${props.document.file} again: ${parsed.problems[0]?.message}`);
  }
  const text = `${JSON.stringify(parsed.document, null, 2)}\n`;
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
