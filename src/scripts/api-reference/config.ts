/**
 * Scalar's configuration for this site. Every option that would make the browser contact a host
 * the reader did not choose is switched off here.
 */
import type { createApiReference } from '@scalar/api-reference';

/** The configuration `createApiReference` takes as its second argument. */
export type ScalarConfig = Parameters<typeof createApiReference>[1];

/** What the page passes to the browser script, as JSON in `data-config`. */
export interface ReferenceMountConfig {
  sources: Array<{ title: string; slug: string; url: string }>;
}

export type ThemeMode = 'light' | 'dark';

/** Builds Scalar's configuration. */
export function buildScalarConfig(mount: ReferenceMountConfig, theme: ThemeMode): ScalarConfig {
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
    // Credentials are never written to localStorage.
    persistAuth: false,

    // Starlight owns the theme: Scalar's toggle is hidden and its mode follows <html data-theme>.
    hideDarkModeToggle: true,
    forceDarkModeState: theme,
    // Starlight's search opens with Ctrl+K and "/", so Scalar's search moves to Ctrl+J.
    searchHotKey: 'j',

    authentication: { preferredSecurityScheme: 'BearerAuth' },
    defaultOpenAllTags: true,
  };
}
