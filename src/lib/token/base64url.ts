/**
 * Sextet value of each character code below 128, or -1. Both alphabets are mapped, base64url
 * (`-`, `_`) and standard base64 (`+`, `/`), so the analysis can still show a segment that
 * uses the wrong one.
 */
const SEXTETS: Int8Array = buildSextetTable();

function buildSextetTable(): Int8Array {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let index = 0; index < alphabet.length; index += 1) {
    table[alphabet.charCodeAt(index)] = index;
  }
  table['+'.charCodeAt(0)] = 62;
  table['/'.charCodeAt(0)] = 63;
  return table;
}

function sextetAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (SEXTETS[code] ?? -1) : -1;
}

export interface DecodedBase64 {
  bytes: Uint8Array;
  /**
   * False when the unused low bits of the last character are not zero, so re-encoding the
   * bytes gives a different text. RFC 4648 section 3.5 lets decoders reject such input.
   */
  canonical: boolean;
}

/**
 * Decodes unpadded base64url, also accepting `+` and `/`. Returns null when the text has a
 * character outside both alphabets or a length that leaves a remainder of 1 when divided by 4.
 */
export function decodeBase64Url(text: string): DecodedBase64 | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bitCount = 0;
  let byteIndex = 0;
  for (let index = 0; index < text.length; index += 1) {
    const sextet = sextetAt(text, index);
    if (sextet < 0) return null;
    buffer = ((buffer << 6) | sextet) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[byteIndex] = (buffer >> bitCount) & 0xff;
      byteIndex += 1;
    }
  }
  const leftoverMask = (1 << bitCount) - 1;
  return { bytes, canonical: (buffer & leftoverMask) === 0 };
}

/** Strict UTF-8 decoder that drops a leading byte order mark, as json.loads does on bytes. */
const UTF8_DECODER = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 bytes to text, or returns null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8_DECODER.decode(bytes);
  } catch {
    return null;
  }
}
