/** Folders the benchmark works in. Everything it generates stays under `WORK_DIR`. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECT_DIR = join(BENCH_DIR, '..');
/** Ignored by git: the site snapshot, its builds, Redoc's bundle and Lighthouse reports. */
export const WORK_DIR = join(BENCH_DIR, '.work');
