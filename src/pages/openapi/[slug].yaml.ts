/**
 * Serves each OpenAPI document as written in its file, as YAML, at the stable URL
 * `<base>openapi/<slug>.yaml`: the file's own text when it is YAML, or the parsed JSON written
 * out as YAML. The server URLs are those of the file, not the build's.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { stringify } from 'yaml';
import { getOpenApiDocuments, type LoadedDocument } from '../../lib/openapi';
import { parseText } from '../../lib/openapi/parse';

export const getStaticPaths = (async () => {
  const documents = await getOpenApiDocuments();
  return documents.map((document) => ({ params: { slug: document.slug }, props: { document } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: LoadedDocument }> = ({ props }) => {
  const { document } = props;
  return new Response(toYaml(document), {
    headers: { 'Content-Type': 'application/yaml; charset=utf-8' },
  });
};

function toYaml(document: LoadedDocument): string {
  if (document.sourceFormat === 'yaml') return document.sourceText;

  // The loader parsed this same text without error, so this check only narrows the type.
  const parsed = parseText(document.sourceText, document.file);
  if (!parsed.ok) {
    throw new Error(`Failed to parse ${document.file} again: ${parsed.problems[0]?.message}`);
  }
  return stringify(parsed.document);
}
