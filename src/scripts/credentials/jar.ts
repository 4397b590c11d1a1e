/**
 * Reads and writes the API Explorer's session cookies in the browser, with the rules of
 * `src/lib/credentials/cookies.ts`.
 */
import type { SchemeName } from '../../lib/openapi/auth-mode';
import {
  COOKIE_PREFIX,
  cookieAttributes,
  encodeCookie,
  familyCookieNames,
  parseCookies,
  removalCookie,
  SCHEME_NAMES,
  type StoredCredentials,
} from '../../lib/credentials/cookies';

/** Reason a value was not kept. */
export interface NotKept {
  key: string;
  bytes: number;
  limit: number;
}

/** The API Explorer's cookies for the site under `basePath`. */
export class CredentialJar {
  private readonly attributes: string;

  constructor(basePath: string) {
    this.attributes = cookieAttributes({ protocol: location.protocol, basePath });
  }

  /** Reads the stored credentials, removing any cookie that cannot be used. */
  read(servers: string[]): StoredCredentials {
    const { credentials, unusable } = parseCookies(document.cookie, servers);
    for (const name of unusable) document.cookie = removalCookie(name, this.attributes);
    return credentials;
  }

  /** Keeps one value, or removes its cookie when the value is empty. Returns why it was not kept. */
  write(key: SchemeName | 'scheme' | 'server', value: string): NotKept | undefined {
    if (value === '') {
      document.cookie = removalCookie(`${COOKIE_PREFIX}${key}`, this.attributes);
      return undefined;
    }

    const encoded = encodeCookie(key, value, this.attributes);
    if (encoded.ok) {
      document.cookie = encoded.cookie;
      return undefined;
    }
    // A value too large to keep must not leave an older value behind.
    document.cookie = removalCookie(`${COOKIE_PREFIX}${key}`, this.attributes);
    return { key, bytes: encoded.bytes, limit: encoded.limit };
  }

  /** Removes every cookie of the API Explorer, including ones of older formats. */
  clear(): void {
    const names = new Set([
      ...familyCookieNames(document.cookie),
      ...[...SCHEME_NAMES, 'scheme', 'server'].map((key) => `${COOKIE_PREFIX}${key}`),
    ]);
    for (const name of names) document.cookie = removalCookie(name, this.attributes);
  }
}
