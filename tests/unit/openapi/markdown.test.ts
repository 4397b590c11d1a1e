import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/lib/openapi/markdown';

/** Collects the attribute names of every element in `html`, lowercased. */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(/<[a-z][^>]*>/gi)) {
    for (const attribute of tag[0].matchAll(/\s([^\s=/>]+)(?==|\s|\/?>)/g)) {
      names.push(attribute[1]!.toLowerCase());
    }
  }
  return names;
}

/** Collects every href and src value in `html`. */
function urls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/gi)].map((match) => match[1]!);
}

describe('renderMarkdown', () => {
  it('renders CommonMark emphasis and code', () => {
    const html = renderMarkdown('**Authentication: none.** Call `POST /v7/verify-otp` next.');
    expect(html).toContain('<strong>Authentication: none.</strong>');
    expect(html).toContain('<code>POST /v7/verify-otp</code>');
  });

  it('renders paragraphs and lists', () => {
    const html = renderMarkdown('First paragraph.\n\nSecond paragraph.\n\n- one\n- two\n');
    expect(html).toContain('<p>First paragraph.</p>');
    expect(html).toContain('<p>Second paragraph.</p>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<li>two</li>');
  });

  it('renders a GFM table', () => {
    const html = renderMarkdown(
      '| Header | Value |\n| --- | --- |\n| `X-Vendor-Token` | vendor |\n',
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<th>Header</th>');
    expect(html).toContain('<td><code>X-Vendor-Token</code></td>');
  });

  it('renders GFM strikethrough and autolinks', () => {
    const html = renderMarkdown('~~old~~ see https://api.milesusp.example/v7/');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://api.milesusp.example/v7/">');
  });

  it('keeps http, https, mailto and relative links', () => {
    const html = renderMarkdown(
      '[a](https://example.com/a) [b](http://example.com/b) [c](mailto:team@example.com) [d](../guides/)',
    );
    expect(urls(html)).toEqual([
      'https://example.com/a',
      'http://example.com/b',
      'mailto:team@example.com',
      '../guides/',
    ]);
  });

  it('returns an empty string for empty text', () => {
    expect(renderMarkdown('')).toBe('');
  });
});

describe('renderMarkdown sanitization', () => {
  it('drops inline script tags and keeps their text as text', () => {
    const html = renderMarkdown('Before <script>alert(1)</script> after');
    expect(html).not.toMatch(/<script/i);
    expect(html).toBe('<p>Before alert(1) after</p>');
  });

  it('drops a script block', () => {
    const html = renderMarkdown('<script>\nalert(document.cookie)\n</script>\n\nText');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('document.cookie');
    expect(html).toContain('<p>Text</p>');
  });

  it('drops event handlers of raw HTML', () => {
    const html = renderMarkdown('<img src="x" onerror="alert(1)"> <b onclick="alert(2)">bold</b>');
    expect(attributeNames(html).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(html).not.toContain('alert(');
  });

  it('drops a javascript: link URL', () => {
    const html = renderMarkdown('[click](javascript:alert(1))');
    expect(urls(html)).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('click');
  });

  it('drops a javascript: URL written with mixed case and entities', () => {
    const html = renderMarkdown('[a](JaVaScRiPt:alert(1)) [b](java&#x09;script:alert(2))');
    expect(urls(html)).toEqual([]);
    expect(html).not.toMatch(/script:/i);
  });

  it('drops a javascript: URL of a reference link', () => {
    const html = renderMarkdown('[click][x]\n\n[x]: javascript:alert(1)');
    expect(urls(html)).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('drops a data: and a vbscript: link URL', () => {
    const html = renderMarkdown(
      '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [b](vbscript:msgbox(1))',
    );
    expect(urls(html)).toEqual([]);
    expect(html).not.toMatch(/data:text/i);
    expect(html).not.toMatch(/vbscript:/i);
  });

  it('drops a javascript: image URL', () => {
    const html = renderMarkdown('![logo](javascript:alert(1))');
    expect(urls(html)).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('drops a javascript: autolink', () => {
    const html = renderMarkdown('<javascript:alert(1)>');
    expect(urls(html)).toEqual([]);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('drops iframe, object, style and form elements', () => {
    const html = renderMarkdown(
      '<iframe src="https://example.com"></iframe><object data="x"></object><style>body{}</style><form action="https://example.com"><input></form>',
    );
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<object/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/<form/i);
  });

  it('escapes HTML inside code spans', () => {
    const html = renderMarkdown('`<script>alert(1)</script>`');
    expect(html).toContain('<code>&#x3C;script>alert(1)&#x3C;/script></code>');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes HTML inside fenced code', () => {
    const html = renderMarkdown('```html\n<img src=x onerror=alert(1)>\n```');
    expect(html).toContain('&#x3C;img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<img/i);
  });

  it('prefixes heading and footnote ids', () => {
    const html = renderMarkdown('Text[^note]\n\n[^note]: A footnote.');
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^user-content-/);
  });
});
