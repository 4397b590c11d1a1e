/** The machine a benchmark ran on, as the results file records it. */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

function operatingSystem() {
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const name = release.match(/^PRETTY_NAME="?([^"\n]+)"?/m)?.[1] ?? os.type();
  return `${name}, ${os.type()} ${os.release()} ${os.arch()}`;
}

/** Describes the CPU model, core count, memory, OS, the tool versions and the load during the run. */
export function describeMachine({ chromiumVersion, lighthouseVersion, load }) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: operatingSystem(),
    node: process.version,
    chromium: chromiumVersion,
    lighthouse: lighthouseVersion,
    loadAverage: load,
  };
}

/**
 * Samples the 1-minute load average every 5 seconds until `stop()`, which returns its mean and
 * maximum. The benchmark itself keeps about one or two processes runnable (an estimate), so a
 * mean well above that means that other processes competed for the CPU.
 */
export function sampleLoadAverage() {
  const samples = [os.loadavg()[0]];
  const timer = setInterval(() => samples.push(os.loadavg()[0]), 5000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(os.loadavg()[0]);
      const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
      return {
        mean: Number(mean.toFixed(2)),
        max: Number(Math.max(...samples).toFixed(2)),
        samples: samples.length,
      };
    },
  };
}
