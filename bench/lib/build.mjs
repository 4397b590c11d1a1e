/**
 * Cold and warm builds of the site snapshot, timed, with their peak memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WORK_DIR } from './paths.mjs';

const GNU_TIME = '/usr/bin/time';

/** Description of the peak memory measurement, as the results file states it. */
export const MEMORY_METHOD = existsSync(GNU_TIME)
  ? 'maximum resident set size of the largest process of the build, from /usr/bin/time -v'
  : 'sum of the resident set sizes of the build process tree, sampled from /proc every 100 ms';

/** Caches that a cold build starts without, relative to the snapshot. */
const CACHES = ['.astro', 'node_modules/.astro', 'node_modules/.vite'];

/**
 * Runs `astro build` in `siteDirectory`, the equivalent of `npm run build`, after removing the
 * output folder and, for a cold build, Astro's and Vite's caches. `outDir` and `env` change the
 * output folder and add settings, as `npm run build:github` does.
 * Returns the wall time in seconds and the peak memory in MiB.
 */
export async function timeBuild(siteDirectory, { cold, outDir = 'dist', env = {} }) {
  rmSync(join(siteDirectory, outDir), { recursive: true, force: true });
  if (cold) {
    for (const cache of CACHES) {
      rmSync(join(siteDirectory, cache), { recursive: true, force: true });
    }
  }

  const astro = [
    join(siteDirectory, 'node_modules', 'astro', 'bin', 'astro.mjs'),
    'build',
    '--outDir',
    outDir,
  ];
  const timeReport = join(WORK_DIR, 'build-time.txt');
  const [command, args] = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-v', '-o', timeReport, process.execPath, ...astro]]
    : [process.execPath, astro];

  const started = performance.now();
  const child = spawn(command, args, {
    cwd: siteDirectory,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = existsSync(GNU_TIME) ? null : sampleTreeMemory(child.pid);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  const sampledPeak = sampler?.stop();

  if (code !== 0) {
    throw new Error(
      `astro build in ${siteDirectory} failed with exit code ${code}. Its last output:\n${output.slice(-3000)}`,
    );
  }
  const peakMemoryMiB = sampledPeak ?? readMaximumResidentSize(timeReport);
  return { seconds, peakMemoryMiB };
}

/** Maximum resident set size from a `/usr/bin/time -v` report, in MiB. */
function readMaximumResidentSize(reportPath) {
  const match = readFileSync(reportPath, 'utf8').match(
    /Maximum resident set size \(kbytes\): (\d+)/,
  );
  if (!match) throw new Error(`No "Maximum resident set size" line in ${reportPath}.`);
  return Number(match[1]) / 1024;
}

/** Samples the summed VmRSS of `pid` and its descendants until `stop()`, which returns MiB. */
function sampleTreeMemory(pid) {
  let peakKiB = 0;
  const timer = setInterval(() => {
    peakKiB = Math.max(peakKiB, treeResidentKiB(pid));
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return peakKiB / 1024;
    },
  };
}

function treeResidentKiB(rootPid) {
  const children = new Map();
  const resident = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(status.match(/^PPid:\s+(\d+)/m)?.[1]);
      resident.set(Number(entry), Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0));
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(entry));
    } catch {
      // The process ended between readdir and read.
    }
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop();
    total += resident.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}
