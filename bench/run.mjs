// Benchmark of the docs site: `npm run bench` from the project root, or
//   node bench/run.mjs [--runs 5] [--only build,pages,explorers,lighthouse,decoder] [--out FILE]
// Installs bench/'s own packages with `npm ci --prefix bench` when they are missing, then writes
// the results to src/data/benchmark.json, which the Performance page shows.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DIR, PROJECT_DIR } from './lib/paths.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    out: { type: 'string', default: join(PROJECT_DIR, 'src', 'data', 'benchmark.json') },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: node bench/run.mjs [options]
  --runs N     measurements of each figure, default 5 (medians and spread come from these)
  --only LIST  comma-separated steps to run: build,pages,explorers,lighthouse,decoder (default all)
  --out FILE   results file, default src/data/benchmark.json`);
  process.exit(0);
}

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`Invalid --runs "${values.runs}": expected a whole number of at least 1.`);
  process.exit(2);
}

if (!existsSync(join(BENCH_DIR, 'node_modules', 'lighthouse', 'package.json'))) {
  console.log('[bench] Installing the benchmark packages: npm ci --prefix bench');
  execFileSync('npm', ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
}

// Imported only now, because these modules load the packages installed above.
const { runBenchmark, STEPS } = await import('./lib/benchmark.mjs');
const prettier = await import('prettier');

const steps = values.only ? values.only.split(',').map((step) => step.trim()) : STEPS;
const unknown = steps.filter((step) => !STEPS.includes(step));
if (unknown.length > 0) {
  console.error(
    `Unknown step(s) in --only: ${unknown.join(', ')}. Valid steps: ${STEPS.join(', ')}.`,
  );
  process.exit(2);
}

const results = await runBenchmark({ runs, steps });

// Formatted as Prettier would, so `npm run format:check` accepts the committed file.
const outPath = resolve(values.out);
const prettierOptions = (await prettier.resolveConfig(outPath)) ?? {};
const text = await prettier.format(JSON.stringify(results), { ...prettierOptions, parser: 'json' });
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, text);
console.log(`[bench] Results written to ${outPath} after ${results.durationSeconds} s`);
