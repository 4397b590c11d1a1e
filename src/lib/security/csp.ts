/**
 * The Content Security Policy of the docs site, as a pure function of the build's inline script
 * hashes and API servers.
 */

/** What the policy depends on, read from the build. */
export interface PolicyInput {
  /** Hash sources of every inline script, such as `'sha256-…'`. */
  scriptHashes: readonly string[];
  /** Base URLs of the API servers that "try it" sends requests to. */
  apiServerUrls: readonly string[];
}

/**
 * Builds the `Content-Security-Policy` header value. Hashes and origins are deduplicated and
 * sorted, so the same build always produces the same header.
 */
export function buildContentSecurityPolicy(input: PolicyInput): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    // Pagefind, Starlight's search, compiles WebAssembly in the browser, which Chromium 156
    // blocks with a CompileError unless script-src has 'wasm-unsafe-eval'. That keyword allows
    // WebAssembly compilation only: eval() and new Function() stay blocked. Scalar works without
    // 'unsafe-eval': the Zod copy in its bundle tries new Function() once, catches the error and
    // parses without compiled code. No directive names workers because no page starts one.
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...sortedUnique(input.scriptHashes)]],
    // Styles need 'unsafe-inline'. Starlight and Expressive Code write `style` attributes into the
    // HTML, which 'unsafe-hashes' with a hash of each value could allow. But Scalar's Vue
    // templates and its CodeMirror editor insert <style> elements and `style` attributes at run
    // time, with text no build-time hash can cover. A browser also ignores 'unsafe-inline' in a
    // directive that lists any hash, so hashes and Scalar cannot be combined.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...serverOrigins(input.apiServerUrls)]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Returns the origin (scheme, host and port) of each server URL, without duplicates. CSP matches
 * a source with a path only on that path, and Scalar joins operation paths onto the server URL.
 * Throws when a URL cannot be parsed.
 */
export function serverOrigins(urls: readonly string[]): string[] {
  return sortedUnique(
    urls.map((url) => {
      if (!URL.canParse(url)) {
        throw new Error(`Invalid API server URL ${JSON.stringify(url)} for connect-src.`);
      }
      return new URL(url).origin;
    }),
  );
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
