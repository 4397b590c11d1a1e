/**
 * Turns the MDX source of a docs page into Markdown that reads on its own, for the page's `.md`
 * copy: import lines dropped, relative links made absolute, and component tags replaced by
 * plain Markdown or by a pointer to the web page where a component is interactive.
 */

export interface ExportOptions {
  /** The page's URL path, such as `/guides/authentication/`, against which links resolve. */
  pagePath: string;
  /** The page's absolute URL, named where an interactive component stood. */
  pageUrl: string;
}

/** A component tag alone on its line, such as `<TokenDecoder id="x" />` or `</Steps>`. */
const TAG_LINE = /^(\s*)<(\/?)([A-Z][\w.]*)((?:\s[^>]*?)?)\s*(\/?)>\s*$/;
/** A Markdown link or image target, such as `](../endpoints/)`. */
const LINK_TARGET = /\]\(([^)\s]+)(\s+"[^"]*")?\)/g;

/** Converts one page's MDX source, with `title` as its first heading. */
export function exportMarkdown(title: string, source: string, options: ExportOptions): string {
  const lines: string[] = [];
  // MDX indents the content of a wrapper component, which Markdown would read as code. Each open
  // wrapper removes the indent of its first content line from all of its content.
  const indents: Array<number | null> = [];
  for (const line of joinTagLines(source.replace(/^import .*\n/gm, '').split('\n'))) {
    const match = TAG_LINE.exec(line);
    const converted = convertTagLine(line, options.pageUrl);
    if (match && !match[5]) {
      if (match[2]) indents.pop();
      else indents.push(null);
    }
    if (converted === null) continue;
    let text = converted.trimStart();
    if (!match) {
      const indent = /^ */.exec(converted)?.[0].length ?? 0;
      if (indents.length > 0 && indents.at(-1) === null && converted.trim() !== '') {
        indents[indents.length - 1] = indent;
      }
      text = converted.slice(Math.min(indent, indents.at(-1) ?? 0));
    }
    lines.push(text.replace(LINK_TARGET, absoluteLink(options)));
  }
  const body = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `# ${title}\n\n${body}\n`;
}

/** Joins a component tag written over several lines, such as `<LinkCard` ... `/>`, into one. */
function joinTagLines(lines: string[]): string[] {
  const joined: string[] = [];
  let open: string | null = null;
  for (const line of lines) {
    if (open !== null) {
      open = `${open} ${line.trim()}`;
      if (line.includes('>')) {
        joined.push(open);
        open = null;
      }
    } else if (/^\s*<[A-Z][\w.]*(\s|$)/.test(line) && !line.includes('>')) {
      open = line.trimEnd();
    } else {
      joined.push(line);
    }
  }
  if (open !== null) joined.push(open);
  return joined;
}

/**
 * Returns the Markdown for a line, or null to drop it. A line that is not a component tag stays
 * as it is. A tab or an aside becomes its label in bold, a link card becomes a list item, and any
 * other self-closing component becomes a pointer to the web page, where it is interactive.
 */
function convertTagLine(line: string, pageUrl: string): string | null {
  const match = TAG_LINE.exec(line);
  if (!match) return line;
  const [, indent = '', closing, name = '', attributes = '', selfClosing] = match;
  if (closing) return null;
  if (selfClosing) {
    const href = /\bhref="([^"]*)"/.exec(attributes)?.[1];
    const title = /\btitle="([^"]*)"/.exec(attributes)?.[1];
    const description = /\bdescription="([^"]*)"/.exec(attributes)?.[1];
    if (href && title) return `- [${title}](${href})${description ? `: ${description}` : ''}`;
    return `${indent}_The web page shows ${describeComponent(name)} here: ${pageUrl}_`;
  }
  const label = /\b(?:label|title)="([^"]*)"/.exec(attributes)?.[1];
  return label ? `${indent}**${label}**` : null;
}

/** Spells a component name such as `TokenDecoder` as words: "the token decoder". */
function describeComponent(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `the ${words}`;
}

/** Resolves a relative link target against the page's path, keeping absolute ones. */
function absoluteLink(options: ExportOptions) {
  return (whole: string, target: string, titlePart = ''): string => {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(target)) return whole;
    const resolved = new URL(target, `https://page.invalid${options.pagePath}`);
    return `](${resolved.pathname}${resolved.search}${resolved.hash}${titlePart})`;
  };
}
