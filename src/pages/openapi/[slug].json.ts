/**
 * Serves each OpenAPI document as JSON, with the server URLs from the build settings applied.
 * The API Reference loads it from here, on our own origin.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getOpenApiDocuments, type LoadedDocument } from '../../lib/openapi';

export const getStaticPaths = (async () => {
  const documents = await getOpenApiDocuments();
  return documents.map((document) => ({ params: { slug: document.slug }, props: { document } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: LoadedDocument }> = ({ props }) =>
  new Response(JSON.stringify(props.document.document), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
