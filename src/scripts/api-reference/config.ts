/**
 * Scalar's configuration for this site. Every option that would make the browser contact a host
 * the reader did not choose is switched off here.
 */
import type { ApiReferenceConfiguration, createApiReference } from '@scalar/api-reference';
import type { StoredCredentials } from '../../lib/credentials/cookies';
import { SECURITY_SCHEMES, type SchemeName } from '../../lib/openapi/auth-mode';
import type { GuardedOperation } from './credential-guard';

/** The configuration `createApiReference` takes as its second argument. */
export type ScalarConfig = Parameters<typeof createApiReference>[1];

/** Configuration the page passes to the browser script, as JSON in `data-config`. */
export interface ReferenceMountConfig {
  sources: Array<{ title: string; slug: string; url: string }>;
  /** The site's base path, such as `/` or `/docs/`. */
  basePath: string;
  /** The number of operations across every document. */
  operationCount: number;
  /** The three servers, in the document's order. */
  servers: Array<{ name: string; url: string }>;
  /** The operations whose credential headers "try it" limits to those their `security` lists. */
  guarded: GuardedOperation[];
}

export type ThemeMode = 'light' | 'dark';

/** Documents with at most this many operations open with every tag expanded. */
export const OPEN_ALL_TAGS_MAX_OPERATIONS = 50;

/** Callbacks and state that the page adds to Scalar's configuration. */
export interface ScalarHooks {
  theme: ThemeMode;
  stored: StoredCredentials;
  plugins: ApiReferenceConfiguration['plugins'];
  onServerChange: (url: string) => void;
  customFetch: typeof fetch;
}

/** Builds Scalar's configuration. */
export function buildScalarConfig(mount: ReferenceMountConfig, hooks: ScalarHooks): ScalarConfig {
  return {
    sources: mount.sources.map((source, index) => ({ ...source, default: index === 0 })),

    // Requests from "try it" go straight from the browser to the selected server.
    proxyUrl: '',
    // Scalar would otherwise load Inter and JetBrains Mono from its font CDN.
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: true,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: 'never',
    // Scalar's own persistence writes credentials to localStorage; ours keeps session cookies.
    persistAuth: false,

    // Starlight owns the theme: Scalar's toggle is hidden and its mode follows <html data-theme>.
    hideDarkModeToggle: true,
    forceDarkModeState: hooks.theme,
    // Starlight's search opens with Ctrl+K, so Scalar's search moves to Ctrl+J.
    searchHotKey: 'j',
    // Opening every tag renders every operation at once, which took Scalar tens of seconds on a
    // document with a thousand operations. Small documents read better fully open.
    defaultOpenAllTags: mount.operationCount <= OPEN_ALL_TAGS_MAX_OPERATIONS,

    ...(mount.servers.length > 0 && { servers: orderServers(mount.servers, hooks.stored.server) }),
    authentication: {
      preferredSecurityScheme: hooks.stored.scheme ?? 'BearerAuth',
      securitySchemes: restoredSchemes(hooks.stored),
    },
    plugins: hooks.plugins,
    onServerChange: hooks.onServerChange,
    customFetch: hooks.customFetch,
  };
}

/**
 * Puts the stored server first: Scalar selects the first server and has no option to preselect
 * another, so the dropdown order changes when a non-default server was chosen.
 */
export function orderServers(
  servers: ReferenceMountConfig['servers'],
  selected: string | undefined,
): Array<{ url: string; description: string }> {
  const list = servers.map((server) => ({ url: server.url, description: server.name }));
  const index = list.findIndex((server) => server.url === selected);
  if (index <= 0) return list;
  return [list[index]!, ...list.slice(0, index), ...list.slice(index + 1)];
}

/** Scalar's prefill for each scheme that has a stored value: `token` for Bearer, else `value`. */
function restoredSchemes(stored: StoredCredentials): Record<string, Record<string, string>> {
  const schemes: Record<string, Record<string, string>> = {};
  for (const [name, value] of Object.entries(stored.values) as Array<[SchemeName, string]>) {
    schemes[name] = SECURITY_SCHEMES[name].type === 'http' ? { token: value } : { value };
  }
  return schemes;
}
