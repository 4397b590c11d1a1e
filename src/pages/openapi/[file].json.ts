/**
 * Serves each OpenAPI document as the API Reference loads it: JSON with the server URLs from the
 * build settings applied, at a URL fingerprinted with a hash of its content.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPreparedDocuments, type PreparedDocument } from '../../lib/openapi/prepared';

export const getStaticPaths = (async () => {
  const documents = await getPreparedDocuments();
  return documents.map((document) => ({
    params: { file: `${document.slug}.${document.hash}` },
    props: { document },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: PreparedDocument }> = ({ props }) =>
  new Response(props.document.json, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
