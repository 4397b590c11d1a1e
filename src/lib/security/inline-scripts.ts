/**
 * Inline `<script>` elements of built HTML and their CSP hash sources.
 */
import { createHash } from 'node:crypto';

/**
 * An HTML comment, or a `<script>` start tag with its raw text up to the first `</script` end
 * tag. Quoted attribute values may contain `>`. Comments come first in the alternation so that a
 * commented-out script is consumed as part of the comment, as the HTML tokenizer does.
 */
const COMMENT_OR_SCRIPT =
  /<!--[\s\S]*?-->|<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script[\s/>]/gi;

const QUOTED_VALUE = /"[^"]*"|'[^']*'/g;
const SRC_ATTRIBUTE = /(?:^|\s)src(?:\s*=|\s|$)/i;

/**
 * Returns the text of every inline `<script>` element of `html`, in document order. Scripts with
 * a `src` attribute are left out because `script-src 'self'` already allows them.
 *
 * NOTE: this is a tokenizer for the HTML that Astro writes, not a full HTML parser. A `<script>`
 * tag written as text inside `<style>`, `<textarea>` or `<title>` is also returned, which only
 * adds a hash that nothing uses.
 */
export function findInlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(COMMENT_OR_SCRIPT)) {
    const [, attributes, text] = match;
    if (attributes === undefined || text === undefined) continue;
    if (SRC_ATTRIBUTE.test(attributes.replace(QUOTED_VALUE, '""'))) continue;
    scripts.push(text);
  }
  return scripts;
}

/**
 * Returns the CSP hash source (`'sha256-…'`) of an inline script's text. Line breaks are
 * normalized to LF first, as the HTML parser does before the browser hashes the text.
 */
export function hashInlineScript(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const digest = createHash('sha256').update(normalized, 'utf8').digest('base64');
  return `'sha256-${digest}'`;
}
