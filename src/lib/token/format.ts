/** Maximum length of a value quoted inside a message, so a huge claim cannot flood the report. */
const MAX_QUOTED_LENGTH = 80;

export function truncate(text: string, maxLength = MAX_QUOTED_LENGTH): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
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

/** Shows a character as `"!"` when printable and as `U+0000` otherwise. */
export function formatCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  const printable =
    codePoint > 0x20 && codePoint !== 0x7f && !(codePoint >= 0x80 && codePoint < 0xa0);
  if (printable) return `"${character}"`;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Returns the error's message, or a fixed text when the thrown value is not an Error. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return truncate(`${error.name}: ${error.message}`);
  return truncate(String(error));
}
