// Fetches GitHub's REST description (1,000+ operations) once into .cache/, for the large-document
// build and the benchmark. It comes from the npm package @octokit/openapi (29 MB packed, about
// 400 MB unpacked), of which only api.github.com.json is kept; the package is never installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PACKAGE = '@octokit/openapi@23.0.2';
const MEMBER = 'package/generated/api.github.com.json';
const target = resolve('.cache/openapi-github');
const file = join(target, 'api.github.com.json');

if (existsSync(file)) {
  console.log(`Using the cached ${file}`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'github-openapi-'));
try {
  console.log(`Downloading ${PACKAGE} (about 29 MB) with npm pack`);
  execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], {
    stdio: 'inherit',
  });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack left no tarball in ${work}`);

  execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, MEMBER], { stdio: 'inherit' });
  mkdirSync(target, { recursive: true });
  renameSync(join(work, MEMBER), file);
  console.log(`Saved ${file}`);
} catch (error) {
  console.error(
    `Fetching ${PACKAGE} failed: ${error instanceof Error ? error.message : error}. It needs the npm registry; try again when it is reachable.`,
  );
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
