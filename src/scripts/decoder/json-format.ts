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

/** Splits JSON text into display tokens with two-space indentation. Invalid text is kept as is. */
export function formatJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let depth = 0;
  const newline = () => tokens.push({ kind: 'space', text: `\n${'  '.repeat(depth)}` });

  const parts = text.match(TOKEN) ?? [];
  for (const [index, part] of parts.entries()) {
    if (/^\s+$/u.test(part)) continue;
    const next = parts.slice(index + 1).find((item) => !/^\s+$/u.test(item));

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
