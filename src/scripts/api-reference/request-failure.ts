/**
 * Explains a "try it" request that failed before any response arrived. Browsers report a CORS
 * refusal, an unreachable server and a blocked mixed-content request alike, as a bare
 * `TypeError`, so Scalar can only show a generic network error. This wrapper around `fetch` finds
 * out which case it was and hands a plain explanation to the page.
 */

/** The kinds of failure the page explains. */
export type FailureKind = 'cors' | 'unreachable' | 'mixed-content';

export interface RequestFailure {
  kind: FailureKind;
  /** The origin of the API the request went to. */
  apiOrigin: string;
  /** The origin of this docs site. */
  docsOrigin: string;
}

/** The headers the API must allow in `Access-Control-Allow-Headers` for the API Explorer. */
export const EXPLORER_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-LMS-OPEN-API-KEY',
  'X-Vendor-Token',
  'X-Enrollment-Form-Vendor-Token',
];

/** Wraps `fetch` so a cross-origin request that fails without a response is diagnosed. */
export function diagnosingFetch(onFailure: (failure: RequestFailure) => void): typeof fetch {
  return async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (error) {
      const url = requestUrl(input);
      if (error instanceof TypeError && url && url.origin !== location.origin) {
        void classifyFailure(url).then(onFailure);
      }
      throw error;
    }
  };
}

function requestUrl(input: RequestInfo | URL): URL | undefined {
  const raw = input instanceof Request ? input.url : String(input);
  return URL.canParse(raw, location.href) ? new URL(raw, location.href) : undefined;
}

/**
 * Tells a CORS refusal from an unreachable server with a `no-cors` request to the same origin:
 * it succeeds, with an opaque response, whenever the server answers at all. The probe carries no
 * credentials and no headers of the original request.
 */
async function classifyFailure(url: URL): Promise<RequestFailure> {
  const base = { apiOrigin: url.origin, docsOrigin: location.origin };
  if (location.protocol === 'https:' && url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return { kind: 'mixed-content', ...base };
  }
  try {
    await fetch(`${url.origin}/`, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return { kind: 'cors', ...base };
  } catch {
    return { kind: 'unreachable', ...base };
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
