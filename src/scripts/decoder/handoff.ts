/**
 * Hands a token to the other tools of the site: the token decoder on the same page, and the API
 * Explorer through its session cookies.
 */
import { CredentialJar, type NotKept } from '../credentials/jar';

/** Secrets to check the token's signature with in the decoder. Empty strings leave a field as is. */
export interface DecoderSecrets {
  ssoSecret?: string;
  adminSigningKey?: string;
}

/**
 * Puts `token` into the first token decoder of the page and runs it, with `secrets` in its
 * signature fields. Returns the decoder's token field, or null when the page has no decoder.
 */
export function showInDecoder(
  token: string,
  secrets: DecoderSecrets = {},
): HTMLTextAreaElement | null {
  const root = document.querySelector<HTMLElement>('[data-token-decoder]');
  const input = root?.querySelector<HTMLTextAreaElement>('[data-token-input]');
  if (!root || !input) return null;

  const fields = [
    [root.querySelector<HTMLInputElement>('[data-sso-secret]'), secrets.ssoSecret],
    [root.querySelector<HTMLInputElement>('[data-admin-key]'), secrets.adminSigningKey],
  ] as const;
  for (const [field, value] of fields) {
    if (field && value) field.value = value;
  }
  if (secrets.ssoSecret || secrets.adminSigningKey) {
    const details = root.querySelector<HTMLDetailsElement>('details');
    if (details) details.open = true;
  }

  input.value = token;
  // The decoder runs on `input` events, the same as when someone types.
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return input;
}

export interface ExplorerTarget {
  /** The site's base path, such as `/` or `/docs/`. */
  basePath: string;
  /** The API Reference page, such as `/api-reference/`. */
  explorerUrl: string;
}

/**
 * Keeps `token` as the API Explorer's BearerAuth value, selects that scheme and, when given, the
 * server `serverUrl`, then opens the API Reference. Returns why the token was not kept, in which
 * case the page stays where it is.
 */
export function sendToExplorer(
  target: ExplorerTarget,
  token: string,
  serverUrl?: string,
): NotKept | undefined {
  const jar = new CredentialJar(target.basePath);
  const notKept = jar.write('BearerAuth', token);
  if (notKept) return notKept;

  jar.write('scheme', 'BearerAuth');
  if (serverUrl) jar.write('server', serverUrl);
  location.assign(target.explorerUrl);
  return undefined;
}

/** Explains a token too large for the API Explorer's cookie. */
export function notKeptMessage(notKept: NotKept): string {
  return `The token is ${notKept.bytes.toLocaleString('en')} bytes once encoded, more than the ${notKept.limit.toLocaleString('en')} a cookie can hold, so the API Explorer cannot keep it. Paste it into the BearerAuth field there instead.`;
}
