/**
 * The documents as the API Reference loads them: JSON with the server URLs from the settings
 * applied, at a URL that carries a hash of the content, so a CDN may cache it for good.
 *
 * Each document goes through Scalar's own server-side workspace store at build time, which
 * resolves references, fills in defaults and adds the sidebar navigation
 * (`x-scalar-navigation`). A document that arrives with that navigation skips those steps in the
 * browser, which on a document with a thousand operations is most of Scalar's start-up work.
 */
import { getRaw } from '@scalar/json-magic/magic-proxy';
import { createServerWorkspaceStore } from '@scalar/workspace-store/server';
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
  /** Whether the text carries Scalar's navigation, so the browser skips its own processing. */
  processed: boolean;
}

/** The extension in which Scalar's store keeps a document's sidebar navigation. */
const NAVIGATION_EXTENSION = 'x-scalar-navigation';

const prepared = new WeakMap<LoadedDocument, Promise<PreparedDocument>>();

/**
 * Prepares one loaded document. The result is cached, because the API Reference page and the JSON
 * file route both request it.
 */
export function prepareDocument(document: LoadedDocument): Promise<PreparedDocument> {
  let result = prepared.get(document);
  if (!result) {
    result = buildPreparedDocument(document);
    prepared.set(document, result);
  }
  return result;
}

async function buildPreparedDocument(document: LoadedDocument): Promise<PreparedDocument> {
  const processed = await processWithScalar(document);
  const json = JSON.stringify(processed ?? document.document);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
  return {
    slug: document.slug,
    json,
    hash,
    path: `openapi/${document.slug}.${hash}.json`,
    processed: processed !== undefined,
  };
}

/**
 * Runs the document through Scalar's store under the slug, the name the page gives it and Scalar
 * puts in every anchor. Returns undefined, with a warning, when the store fails, so the browser
 * does that work itself, as it would without this step.
 */
async function processWithScalar(
  document: LoadedDocument,
): Promise<Record<string, unknown> | undefined> {
  try {
    const store = await createServerWorkspaceStore({
      // Only the resolved document is read below, so no chunk URL is ever used.
      mode: 'ssr',
      baseUrl: 'https://chunks.invalid',
      documents: [{ name: document.slug, document: structuredClone(document.document) }],
    });
    const resolved = store.getResolvedDocument(document.slug);
    // getRaw drops the store's lookup layer, which would inline every referenced value.
    const raw = resolved ? (getRaw(resolved) as Record<string, unknown>) : undefined;
    if (!raw?.[NAVIGATION_EXTENSION]) {
      throw new Error('the processed document is missing x-scalar-navigation');
    }
    return raw;
  } catch (error) {
    console.warn(
      `[openapi] ${document.file}: Scalar's build-time processing failed (${(error as Error).message}). ` +
        'The API Reference still works: the browser processes this document when the page loads, which is slower on large documents.',
    );
    return undefined;
  }
}

/** Prepares every document of this build. */
export async function getPreparedDocuments(): Promise<PreparedDocument[]> {
  return Promise.all((await getOpenApiDocuments()).map(prepareDocument));
}
