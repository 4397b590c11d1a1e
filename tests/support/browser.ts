/**
 * How the tests launch Chromium: Debian's build when it is installed (the browser download is
 * not reachable everywhere), otherwise Playwright's own. Every host but the local ones resolves
 * to nothing, so no test can reach another machine.
 */
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium if present, or `undefined` to use Playwright's own build. */
export function chromiumExecutable(): string | undefined {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) return fromEnvironment;
  return SYSTEM_CHROMIUM.find((path) => existsSync(path));
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];
