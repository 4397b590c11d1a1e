/**
 * The documents as the API Reference loads them: JSON with the server URLs from the settings
 * applied, at a URL that carries a hash of the content, so a CDN may cache it for good.
 */
import { createHash } from 'node:crypto';
import { getOpenApiDocuments, type LoadedDocument } from './index';

export interface PreparedDocument {
  slug: string;
  /** The JSON text Scalar receives. */
  json: string;
  /** The first 10 hex digits of the text's SHA-256. */
  hash: string;
  /** The path under the site's base, such as `openapi/miles-usp.3f2a9c1b0d.json`. */
  path: string;
}

/** Prepares one loaded document. */
export function prepareDocument(document: LoadedDocument): PreparedDocument {
  const json = JSON.stringify(document.document);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
  return { slug: document.slug, json, hash, path: `openapi/${document.slug}.${hash}.json` };
}

/** Prepares every document of this build. */
export async function getPreparedDocuments(): Promise<PreparedDocument[]> {
  return (await getOpenApiDocuments()).map(prepareDocument);
}
