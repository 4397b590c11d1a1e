/**
 * The API Explorer's credentials in session cookies: names, attributes, size limit and parsing.
 * Pure functions over cookie strings, so the same rules run in the browser and in unit tests.
 *
 * Each value has its own cookie, without `Expires` or `Max-Age`, so the browser drops it when
 * the session ends. `Path` is the API Reference page, so the cookies go with requests for that
 * page alone. `SameSite=Strict` keeps them off cross-site requests, and `Secure` is set on https.
 */
import { SECURITY_SCHEMES, type SchemeName } from '../openapi/auth-mode';

/** The prefix of this format's cookies. A cookie with an older `explorer_` prefix is removed. */
export const COOKIE_PREFIX = 'explorer_v1_';
const FAMILY_PREFIX = 'explorer_';

/**
 * The largest `name=value` pair kept, in bytes. Browsers cap a cookie's name and value together
 * at 4096 bytes (RFC 6265 section 6.1 requires at least that much), so this limit leaves a margin.
 */
export const MAX_COOKIE_BYTES = 4000;

export const SCHEME_NAMES = Object.keys(SECURITY_SCHEMES) as SchemeName[];

/** Credentials the API Explorer keeps between reloads. */
export interface StoredCredentials {
  /** The token or key of each scheme that has one. */
  values: Partial<Record<SchemeName, string>>;
  /** The selected security scheme. */
  scheme?: SchemeName;
  /** The URL of the selected server. */
  server?: string;
}

/** Returns the page the cookies belong to, such as `/docs/api-reference/` under the base `/docs/`. */
export function explorerPath(basePath: string): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  return `${base}api-reference/`;
}

/** Builds the attributes every cookie is written with. */
export function cookieAttributes(options: { protocol: string; basePath: string }): string {
  const parts = [`Path=${explorerPath(options.basePath)}`, 'SameSite=Strict'];
  if (options.protocol === 'https:') parts.push('Secure');
  return parts.join('; ');
}

/** The result of encoding one value: the `document.cookie` assignment, or why it is not kept. */
export type EncodedCookie =
  { ok: true; cookie: string } | { ok: false; reason: 'too-large'; bytes: number; limit: number };

/** Encodes one value as a session cookie, or reports that it is too large to keep. */
export function encodeCookie(key: string, value: string, attributes: string): EncodedCookie {
  const pair = `${COOKIE_PREFIX}${key}=${encodeURIComponent(value)}`;
  const bytes = new TextEncoder().encode(pair).length;
  if (bytes > MAX_COOKIE_BYTES) {
    return { ok: false, reason: 'too-large', bytes, limit: MAX_COOKIE_BYTES };
  }
  return { ok: true, cookie: `${pair}; ${attributes}` };
}

/** Builds the `document.cookie` assignment that removes a cookie. */
export function removalCookie(name: string, attributes: string): string {
  return `${name}=; ${attributes}; Max-Age=0`;
}

/** Credentials read from `document.cookie`, and the names of cookies to remove as unusable. */
export interface ParsedCookies {
  credentials: StoredCredentials;
  unusable: string[];
}

/**
 * Reads the API Explorer's cookies from a `document.cookie` string. A cookie of an older
 * format, with an unknown key, or whose value cannot be decoded or is not allowed, is listed in
 * `unusable` and ignored. `servers` are the URLs a stored server may have.
 */
export function parseCookies(cookieHeader: string, servers: string[]): ParsedCookies {
  const credentials: StoredCredentials = { values: {} };
  const unusable: string[] = [];

  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    const name = (separator === -1 ? part : part.slice(0, separator)).trim();
    if (!name.startsWith(FAMILY_PREFIX)) continue;

    const value = decodeValue(separator === -1 ? undefined : part.slice(separator + 1).trim());
    const key = name.startsWith(COOKIE_PREFIX) ? name.slice(COOKIE_PREFIX.length) : undefined;
    if (key === undefined || value === undefined || !applyValue(credentials, key, value, servers)) {
      unusable.push(name);
    }
  }
  return { credentials, unusable };
}

function applyValue(
  credentials: StoredCredentials,
  key: string,
  value: string,
  servers: string[],
): boolean {
  if (isSchemeName(key)) {
    if (value === '') return false;
    credentials.values[key] = value;
    return true;
  }
  if (key === 'scheme' && isSchemeName(value)) {
    credentials.scheme = value;
    return true;
  }
  if (key === 'server' && servers.includes(value)) {
    credentials.server = value;
    return true;
  }
  return false;
}

function decodeValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export function isSchemeName(value: string): value is SchemeName {
  return (SCHEME_NAMES as string[]).includes(value);
}

/** Lists the names of every cookie of the API Explorer's family present in a `document.cookie` string. */
export function familyCookieNames(cookieHeader: string): string[] {
  return cookieHeader
    .split(';')
    .map((part) => part.split('=')[0]!.trim())
    .filter((name) => name.startsWith(FAMILY_PREFIX));
}
