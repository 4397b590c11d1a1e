/** Formatting of the benchmark's summaries for the Performance page. */

/** Median, quartiles and range of repeated measurements, as bench/lib/stats.mjs writes them. */
export interface Stat {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
  runs: number;
  values: number[];
}
export type MaybeStat = Stat | null | undefined;

export const NOT_MEASURED = 'not measured';
export const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
function formatMs(ms: number): string {
  return `${numberFormat.format(Math.round(ms))} ms`;
}
export const formatters = {
  bytes: formatBytes,
  ms: formatMs,
  seconds: (value: number) => `${value.toFixed(1)} s`,
  microseconds: (value: number) => `${numberFormat.format(value)} µs`,
  mib: (value: number) => `${numberFormat.format(Math.round(value))} MiB`,
  count: (value: number) => numberFormat.format(value),
  score: (value: number) => String(Math.round(value)),
  unitless: (value: number) => value.toFixed(3),
};
export type Unit = keyof typeof formatters;

/** Returns the median of `stat` in `unit`, or "not measured". */
export function median(stat: MaybeStat, unit: Unit): string {
  return stat ? formatters[unit](stat.median) : NOT_MEASURED;
}
/** Returns the range of `stat`, such as "1.2–1.5 s", or an empty string when there is one run or none. */
export function range(stat: MaybeStat, unit: Unit): string {
  if (!stat || stat.runs < 2) return '';
  return `${formatters[unit](stat.min)} – ${formatters[unit](stat.max)}`;
}
