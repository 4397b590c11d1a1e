/** The OpenAPI documents of this build, loaded with the build settings and reloaded on edits. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getSettings } from '../../settings';
import { loadOpenApiDocuments, type LoadedDocument } from './load';

/**
 * Wraps `load` so it runs once per value of `signature()`: later calls reuse the same promise
 * until the signature changes, then load again.
 */
export function cacheBySignature<T>(
  signature: () => string,
  load: () => Promise<T>,
): () => Promise<T> {
  let cached: { signature: string; value: Promise<T> } | undefined;
  return () => {
    const current = signature();
    if (cached?.signature !== current) cached = { signature: current, value: load() };
    return cached.value;
  };
}

/**
 * Describes the files of `dir` by name, size and modification time, so an edit under `astro dev`
 * changes it. A missing folder gives a fixed text, and the load then reports the folder.
 */
export function folderSignature(dir: string): string {
  try {
    return readdirSync(dir)
      .sort()
      .map((name) => {
        const stats = statSync(join(dir, name));
        return `${name}:${stats.size}:${stats.mtimeMs}`;
      })
      .join('|');
  } catch {
    return 'missing';
  }
}

const loadDocuments = cacheBySignature(
  () => folderSignature(resolve(getSettings().openapiDir)),
  () => {
    const settings = getSettings();
    return loadOpenApiDocuments({
      dir: settings.openapiDir,
      servers: settings.servers,
      authRules: settings.openapiAuthRules,
    });
  },
);

/** Returns the validated documents of this build, loading them again after a file changed. */
export function getOpenApiDocuments(): Promise<LoadedDocument[]> {
  return loadDocuments();
}

export type { LoadedDocument, OperationSummary } from './load';
