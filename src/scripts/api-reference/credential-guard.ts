/**
 * Keeps "try it" from sending a credential to an operation that does not accept it. Scalar applies
 * the selected security scheme to every request, also to an operation declared with
 * `security: []` such as the login calls, so a saved Bearer token would reach them. This wrapper
 * around `fetch` removes each credential header that the operation's `security` does not list.
 */
import type { OperationAuth } from '../../lib/openapi/auth-mode';
import { SECURITY_SCHEMES } from '../../lib/openapi/auth-mode';

/** One operation and the credential headers it accepts, in lower case. */
export interface GuardedOperation {
  method: string;
  path: string;
  headers: string[];
}

/** The credential headers the guard manages, in lower case. */
export const CREDENTIAL_HEADERS: readonly string[] = Object.values(SECURITY_SCHEMES).map((scheme) =>
  scheme.header.toLowerCase(),
);

/** The credential headers the guard removed from one request, and the operation it went to. */
export interface DroppedCredentials {
  operation: string;
  headers: string[];
}

/**
 * Returns the operation with the headers it accepts. Returns null, so that nothing is removed,
 * when its `security` is missing or names a scheme the guard does not know.
 */
export function guardedOperation(
  method: string,
  path: string,
  auth: OperationAuth,
): GuardedOperation | null {
  if (auth.mode === 'unspecified') return null;
  const headers: string[] = [];
  for (const alternative of auth.alternatives) {
    if (alternative.kind === 'other') return null;
    headers.push(
      alternative.kind === 'bearer' ? 'authorization' : alternative.header.toLowerCase(),
    );
  }
  return { method: method.toUpperCase(), path, headers: [...new Set(headers)] };
}

/** Converts an OpenAPI path such as `/users/{id}` into a pattern for a request path. */
function pathPattern(path: string): RegExp {
  const escaped = path
    .split(/\{[^}]*\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * Finds the operation a request goes to. The request path is read relative to the first server
 * whose URL it starts with, or taken whole when it matches no server.
 */
export function findOperation(
  url: URL,
  method: string,
  servers: string[],
  operations: GuardedOperation[],
): GuardedOperation | undefined {
  const server = servers
    .map((serverUrl) => serverUrl.replace(/\/+$/, ''))
    .find((serverUrl) => url.href.startsWith(`${serverUrl}/`));
  const path = server ? new URL(url.href.slice(server.length), 'http://x').pathname : url.pathname;
  const upper = method.toUpperCase();
  return operations.find(
    (operation) => operation.method === upper && pathPattern(operation.path).test(path),
  );
}

/**
 * Wraps `fetch` so a request to a known operation carries only the credential headers that
 * operation accepts. `onDropped` is called for each removal.
 */
export function guardCredentials(
  inner: typeof fetch,
  servers: string[],
  operations: GuardedOperation[],
  onDropped: (dropped: DroppedCredentials) => void,
): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const operation = findOperation(new URL(request.url), request.method, servers, operations);
    if (!operation) return inner(request);

    const dropped = CREDENTIAL_HEADERS.filter(
      (header) => request.headers.has(header) && !operation.headers.includes(header),
    );
    if (dropped.length === 0) return inner(request);

    const headers = new Headers(request.headers);
    for (const header of dropped) headers.delete(header);
    onDropped({ operation: `${operation.method} ${operation.path}`, headers: dropped });
    return inner(new Request(request, { headers }));
  };
}

/** Returns the status line for a removal, naming the headers in their usual spelling. */
export function droppedText(dropped: DroppedCredentials): string {
  const names = dropped.headers.map(
    (header) =>
      Object.values(SECURITY_SCHEMES).find((scheme) => scheme.header.toLowerCase() === header)
        ?.header ?? header,
  );
  const list = names.join(', ');
  const noun = names.length === 1 ? 'header was' : 'headers were';
  return `The ${list} ${noun} not sent: ${dropped.operation} does not accept ${names.length === 1 ? 'it' : 'them'}, according to its security in the OpenAPI document.`;
}
