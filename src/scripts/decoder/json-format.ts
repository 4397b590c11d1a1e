/**
 * Indents JSON text for display without parsing it into numbers, so an integer above 2^53 keeps
 * every digit as sent. Each token carries a class for colouring; nothing is rendered as HTML.
 */

export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'space';

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const TOKEN =
  /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:]|\s+|./gsu;

/**
 * The deepest nesting that gets its own indentation. Deeper levels stay at this indentation, so a
 * payload nested thousands of levels deep cannot make the output grow with the square of its size.
 */
export const MAX_INDENT_DEPTH = 32;

/** Splits JSON text into display tokens with two-space indentation. Invalid text is kept as is. */
export function formatJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let depth = 0;
  const newline = () =>
    tokens.push({ kind: 'space', text: `\n${'  '.repeat(Math.min(depth, MAX_INDENT_DEPTH))}` });

  const parts = (text.match(TOKEN) ?? []).filter((part) => !/^\s+$/u.test(part));
  for (const [index, part] of parts.entries()) {
    const next = parts[index + 1];

    if (part === '{' || part === '[') {
      tokens.push({ kind: 'punctuation', text: part });
      depth += 1;
      if (next !== '}' && next !== ']') newline();
    } else if (part === '}' || part === ']') {
      depth = Math.max(0, depth - 1);
      const previous = tokens.at(-1)?.text;
      if (previous !== '{' && previous !== '[') newline();
      tokens.push({ kind: 'punctuation', text: part });
    } else if (part === ',') {
      tokens.push({ kind: 'punctuation', text: part });
      newline();
    } else if (part === ':') {
      tokens.push({ kind: 'punctuation', text: ': ' });
    } else {
      tokens.push({ kind: classify(part, next), text: part });
    }
  }
  return tokens;
}

function classify(part: string, next: string | undefined): JsonTokenKind {
  if (part.startsWith('"')) return next === ':' ? 'key' : 'string';
  if (/^-?\d/u.test(part)) return 'number';
  if (part === 'true' || part === 'false' || part === 'null') return 'literal';
  return 'punctuation';
}
