import type { UnsafeInteger } from './types.ts';

/** Maximum number of unsafe integers reported for one payload. */
const MAX_FINDINGS = 20;
/** Integers with fewer digits than this are always below 2^53 (16 digits). */
const MIN_UNSAFE_DIGITS = 16;

interface Container {
  kind: 'object' | 'array';
  /** Current key in an object, or current index in an array, as a path part. */
  part: string;
  index: number;
  expectKey: boolean;
}

/**
 * Finds integer literals that JSON.parse cannot represent exactly (beyond 2^53 in magnitude)
 * and names where they are, such as `user_id` or `ids[3]`. Expects valid JSON text, and runs
 * in one pass over it.
 */
export function findUnsafeIntegers(json: string): UnsafeInteger[] {
  const found: UnsafeInteger[] = [];
  const stack: Container[] = [];
  let index = 0;
  while (index < json.length && found.length < MAX_FINDINGS) {
    const character = json[index] ?? '';
    const top = stack.at(-1);
    if (character === '"') {
      const end = findStringEnd(json, index);
      if (top?.kind === 'object' && top.expectKey) top.part = readKey(json.slice(index, end));
      index = end;
    } else if (character === '-' || (character >= '0' && character <= '9')) {
      const end = findNumberEnd(json, index);
      recordIfUnsafe(json.slice(index, end), stack, found);
      index = end;
    } else {
      updateStack(character, stack);
      index += 1;
    }
  }
  return found;
}

function updateStack(character: string, stack: Container[]): void {
  const top = stack.at(-1);
  if (character === '{') stack.push({ kind: 'object', part: '', index: 0, expectKey: true });
  else if (character === '[')
    stack.push({ kind: 'array', part: '[0]', index: 0, expectKey: false });
  else if (character === '}' || character === ']') stack.pop();
  else if (character === ':' && top !== undefined) top.expectKey = false;
  else if (character === ',' && top !== undefined) advance(top);
}

function advance(container: Container): void {
  if (container.kind === 'object') {
    container.expectKey = true;
    return;
  }
  container.index += 1;
  container.part = `[${container.index}]`;
}

/** Returns the index just after the closing quote of the string that starts at `start`. */
function findStringEnd(json: string, start: number): number {
  let index = start + 1;
  while (index < json.length) {
    const character = json[index];
    if (character === '\\') index += 2;
    else if (character === '"') return index + 1;
    else index += 1;
  }
  return json.length;
}

function findNumberEnd(json: string, start: number): number {
  let index = start + 1;
  while (index < json.length && /[0-9.eE+-]/.test(json[index] ?? '')) index += 1;
  return index;
}

function readKey(quoted: string): string {
  try {
    const key: unknown = JSON.parse(quoted);
    return typeof key === 'string' ? key : quoted;
  } catch {
    return quoted;
  }
}

function recordIfUnsafe(literal: string, stack: Container[], found: UnsafeInteger[]): void {
  if (!/^-?\d+$/.test(literal)) return;
  const digits = literal.startsWith('-') ? literal.length - 1 : literal.length;
  if (digits < MIN_UNSAFE_DIGITS) return;
  const parsed = Number(literal);
  if (Number.isSafeInteger(parsed)) return;
  found.push({ path: pathOf(stack), raw: literal, parsed: formatParsed(parsed) });
}

/** Shows the rounded number without exponent notation, such as `9007199254740992`. */
function formatParsed(value: number): string {
  return Number.isFinite(value) ? BigInt(value).toString() : String(value);
}

function pathOf(stack: readonly Container[]): string {
  let path = '';
  for (const container of stack) {
    if (container.kind === 'array') path += container.part;
    else path += path.length === 0 ? container.part : `.${container.part}`;
  }
  return path.length === 0 ? '(root)' : path;
}
