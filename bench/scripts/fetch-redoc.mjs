// Fetches Redoc's standalone bundle into bench/.work/redoc/: node bench/scripts/fetch-redoc.mjs
// `npm install redoc@3.0.1` fails on a missing dependency, so this packs the published tarball,
// checks it against the registry's integrity recorded below and extracts the one bundle.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REDOC_VERSION = '3.0.1';
/** `dist.integrity` of redoc@3.0.1 as the npm registry publishes it. */
const REDOC_INTEGRITY =
  'sha512-KDfoKaYW19LCl4YStgBnwlaNjYEFfs5zCNt1s1WZ2YM5u8d26Yuzd2l43fZO851ZsgIMe/D640fDJkD8eaRQKQ==';
const BUNDLE_IN_TARBALL = 'package/bundles/redoc.standalone.js';

const redocDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '.work', 'redoc');

/** Path of the extracted bundle. Packs and extracts it first unless it is already there. */
export function fetchRedocBundle() {
  const bundle = join(redocDirectory, 'redoc.standalone.js');
  if (existsSync(bundle)) return bundle;

  mkdirSync(redocDirectory, { recursive: true });
  const packed = JSON.parse(
    execFileSync(
      'npm',
      ['pack', `redoc@${REDOC_VERSION}`, '--json', '--pack-destination', redocDirectory],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    ),
  );
  const tarball = join(redocDirectory, packed[0].filename);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (integrity !== REDOC_INTEGRITY) {
    rmSync(tarball);
    throw new Error(
      `redoc@${REDOC_VERSION} from the registry has integrity ${integrity}, expected ${REDOC_INTEGRITY}. ` +
        'The tarball was removed; check the published package before updating REDOC_INTEGRITY.',
    );
  }
  execFileSync('tar', [
    '-xzf',
    tarball,
    '-C',
    redocDirectory,
    '--strip-components=2',
    BUNDLE_IN_TARBALL,
  ]);
  rmSync(tarball);
  return bundle;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`Redoc ${REDOC_VERSION} standalone bundle: ${fetchRedocBundle()}`);
}
