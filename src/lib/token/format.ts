/**
 * Maximum length in code points of a value quoted inside a message, so a huge claim cannot flood
 * the report.
 */
const MAX_QUOTED_LENGTH = 80;

/**
 * Cuts `text` to `maxLength` code points, the last one an ellipsis. Counting code points keeps
 * an emoji whole, where a cut between UTF-16 code units would leave half of a surrogate pair.
 */
export function truncate(text: string, maxLength = MAX_QUOTED_LENGTH): string {
  // A string never has more code points than code units, so short text needs no split.
  if (text.length <= maxLength) return text;

  const codePoints = Array.from(text);
  if (codePoints.length <= maxLength) return text;
  return `${codePoints.slice(0, maxLength - 1).join('')}…`;
}

/** Returns the JSON type name of a parsed value: object, array, string, number, boolean or null. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Formats a parsed JSON value as JSON text, cut to `maxLength` characters. */
export function formatJsonValue(value: unknown, maxLength = MAX_QUOTED_LENGTH): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  return truncate(text ?? String(value), maxLength);
}

/** Formats a list such as `["HS256", "HS384"]` as `HS256, HS384`, or `(none)` when empty. */
export function formatList(items: readonly string[]): string {
  return items.length === 0 ? '(none)' : items.join(', ');
}

/** A visible character: a letter, digit, punctuation mark or symbol, in any script. */
const VISIBLE_CHARACTER = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

/**
 * Names one code point. Visible ASCII is shown as `"!"`, and any other visible character as
 * `"é" (U+00E9)` so that look-alikes such as Cyrillic "а" stand out. Spaces, control, format,
 * combining and private-use characters and lone surrogates are invisible or unreadable alone,
 * so they are shown as `U+200E` only.
 */
export function formatCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  const first = String.fromCodePoint(codePoint);
  const name = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  if (!VISIBLE_CHARACTER.test(first)) return name;
  // A double quote inside double quotes would read as three quotes.
  if (first === '"') return `'"'`;
  return codePoint < 0x80 ? `"${first}"` : `"${first}" (${name})`;
}

/** Returns the error's message, or a fixed text when the thrown value is not an Error. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return truncate(`${error.name}: ${error.message}`);
  return truncate(String(error));
}
