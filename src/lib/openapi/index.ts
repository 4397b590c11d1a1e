/** The OpenAPI documents of this build, loaded once with the build settings. */
import { getSettings } from '../../settings';
import { loadOpenApiDocuments, type LoadedDocument } from './load';

let loading: Promise<LoadedDocument[]> | undefined;

/** Returns the validated documents of this build; the first call loads them. */
export function getOpenApiDocuments(): Promise<LoadedDocument[]> {
  const settings = getSettings();
  loading ??= loadOpenApiDocuments({
    dir: settings.openapiDir,
    servers: settings.servers,
    authRules: settings.openapiAuthRules,
  });
  return loading;
}

export type { LoadedDocument, OperationSummary } from './load';
