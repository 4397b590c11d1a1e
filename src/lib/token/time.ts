import { RELATIVE_TIME_TEMPLATES, TIME_UNIT_NAMES } from './messages.ts';

/** Largest time a JavaScript Date can hold, in seconds since 1970-01-01 UTC (ECMAScript 21.4.1). */
const MAX_DATE_SECONDS = 8.64e12;

const UNITS: ReadonlyArray<{ name: keyof typeof TIME_UNIT_NAMES; seconds: number }> = [
  { name: 'year', seconds: 365 * 86_400 },
  { name: 'day', seconds: 86_400 },
  { name: 'hour', seconds: 3_600 },
  { name: 'minute', seconds: 60 },
  { name: 'second', seconds: 1 },
];

/** Formats seconds since 1970-01-01 UTC as ISO 8601, or returns null outside the Date range. */
export function toIsoUtc(epochSeconds: number): string | null {
  if (!Number.isFinite(epochSeconds) || Math.abs(epochSeconds) > MAX_DATE_SECONDS) return null;
  return new Date(epochSeconds * 1000).toISOString();
}

/** Shortens an ISO 8601 UTC time for reading next to the word UTC: `2025-01-15 09:00:00`. */
export function utcText(isoUtc: string): string {
  return isoUtc.replace('T', ' ').replace(/(\.000)?Z$/, '');
}

/** Returns the calendar year of a time in seconds, or null outside the Date range. */
export function yearOf(epochSeconds: number): number | null {
  const iso = toIsoUtc(epochSeconds);
  return iso === null ? null : new Date(epochSeconds * 1000).getUTCFullYear();
}

export type RelativeTemplate = keyof typeof RELATIVE_TIME_TEMPLATES;

/**
 * Renders a relative time such as "expired 3 hours ago". `seconds` is the distance from the
 * reference time; its sign is ignored because the template states the direction. The count is
 * rounded down in the largest unit that fits, with 365-day years.
 */
export function formatRelative(template: RelativeTemplate, seconds: number): string {
  const distance = Math.abs(seconds);
  const unit = UNITS.find((candidate) => distance >= candidate.seconds) ?? UNITS[UNITS.length - 1];
  const name = unit?.name ?? 'second';
  const count = Math.floor(distance / (unit?.seconds ?? 1));
  const [singular, plural] = TIME_UNIT_NAMES[name];
  return RELATIVE_TIME_TEMPLATES[template]
    .replace('{count}', String(count))
    .replace('{unit}', count === 1 ? singular : plural);
}
