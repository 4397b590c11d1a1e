/**
 * A copy of the project's working tree under bench/.work/site. The benchmark builds this one
 * fixed state of the sources, and its cold builds delete only the copy's caches, not those of
 * people who work in the project folder at the same time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_DIR, WORK_DIR } from './paths.mjs';

export const SNAPSHOT_DIR = join(WORK_DIR, 'site');

/** Folders the site's build does not read: the benchmark, tests, CI and build outputs. */
const SKIPPED_FOLDERS = /^(?:bench|tests|\.ci|dist[^/]*)\//;
/** Caches in node_modules that the snapshot keeps for itself instead of sharing them. */
const OWN_CACHES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

/**
 * Copies the tracked and the untracked, not ignored files of the project into `SNAPSHOT_DIR`.
 * Its node_modules is a real folder of links to each installed package, so Astro's cache
 * (`node_modules/.astro`) and Vite's are the snapshot's own.
 * NOTE: ignored files such as `.env` are not copied, so the snapshot builds with the settings'
 * defaults plus the variables of the benchmark's own environment.
 */
export function createSnapshot() {
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SNAPSHOT_DIR, { recursive: true });

  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: PROJECT_DIR, encoding: 'utf8' },
  );
  let copied = 0;
  for (const file of listed.split('\0')) {
    if (!file || SKIPPED_FOLDERS.test(file)) continue;
    const source = join(PROJECT_DIR, file);
    // A tracked file that was deleted in the working tree is still listed by --cached.
    if (!existsSync(source)) continue;
    const target = join(SNAPSHOT_DIR, file);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
    copied += 1;
  }

  const modules = join(SNAPSHOT_DIR, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(PROJECT_DIR, 'node_modules'))) {
    if (OWN_CACHES.has(entry)) continue;
    symlinkSync(join(PROJECT_DIR, 'node_modules', entry), join(modules, entry));
  }
  return { directory: SNAPSHOT_DIR, files: copied };
}

/** Short commit of the project's HEAD, and whether the working tree differs from it. */
export function readCommit() {
  const run = (args) => execFileSync('git', args, { cwd: PROJECT_DIR, encoding: 'utf8' }).trim();
  const changes = run(['status', '--porcelain'])
    .split('\n')
    .filter((line) => line && !line.endsWith('src/data/benchmark.json'));
  return { commit: run(['rev-parse', '--short', 'HEAD']), uncommittedChanges: changes.length };
}
