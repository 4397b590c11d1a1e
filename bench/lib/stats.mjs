/** Summaries of repeated measurements. */

/** Quantile `q` (0 to 1) of sorted `values`, interpolated linearly between neighbours. */
function quantile(sorted, q) {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/**
 * Median, quartiles, minimum and maximum of `values`, each rounded to `digits` decimals, with
 * the values themselves in run order. Returns null when nothing was measured.
 */
export function summarize(values, digits = 1) {
  const measured = values.filter((value) => typeof value === 'number' && Number.isFinite(value));
  if (measured.length === 0) return null;
  const sorted = [...measured].sort((a, b) => a - b);
  const round = (value) => Number(value.toFixed(digits));
  return {
    median: round(quantile(sorted, 0.5)),
    q1: round(quantile(sorted, 0.25)),
    q3: round(quantile(sorted, 0.75)),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    runs: measured.length,
    values: measured.map(round),
  };
}

/** Ratio of two summaries' medians, or null when either is missing or the divisor is 0. */
export function medianRatio(numerator, denominator) {
  if (!numerator || !denominator || denominator.median === 0) return null;
  return Number((numerator.median / denominator.median).toFixed(2));
}
