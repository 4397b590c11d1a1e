import { describe, expect, it } from 'vitest';
import { findInlineScripts, hashInlineScript } from '../../../src/lib/security/inline-scripts';

describe('findInlineScripts', () => {
  it('returns inline script text', () => {
    const html = '<head><script>a()</script></head><body><script type="module">b()</script></body>';

    expect(findInlineScripts(html)).toEqual(['a()', 'b()']);
  });

  it('skips scripts with src', () => {
    const html = [
      '<script type="module" src="/_astro/page.js"></script>',
      '<script src=/x.js></script>',
      '<script async src></script>',
      '<script>kept()</script>',
    ].join('');

    expect(findInlineScripts(html)).toEqual(['kept()']);
  });

  it('keeps a script whose attribute value mentions src', () => {
    const html = '<script data-note="no src=here">kept()</script>';

    expect(findInlineScripts(html)).toEqual(['kept()']);
  });

  it('reads past > inside a quoted attribute', () => {
    const html = `<script data-a="x > y" data-b='>'>run()</script>`;

    expect(findInlineScripts(html)).toEqual(['run()']);
  });

  it('keeps text byte for byte', () => {
    const text = '\n\tconst a = "<b>&amp;</b>";\n  ';

    expect(findInlineScripts(`<script>${text}</script>`)).toEqual([text]);
  });

  it('ends at the first closing tag', () => {
    const html = '<script>one()</script ><script>two()</SCRIPT>';

    expect(findInlineScripts(html)).toEqual(['one()', 'two()']);
  });

  it('matches tag names in any case', () => {
    expect(findInlineScripts('<SCRIPT>upper()</script>')).toEqual(['upper()']);
  });

  it('ignores scripts inside comments', () => {
    const html = '<!-- <script>old()</script> --><script>current()</script>';

    expect(findInlineScripts(html)).toEqual(['current()']);
  });

  it('ignores other tags starting with script', () => {
    expect(findInlineScripts('<scripts>x</scripts><script-x>y</script-x>')).toEqual([]);
  });

  it('returns an empty script', () => {
    expect(findInlineScripts('<script></script>')).toEqual(['']);
  });
});

describe('hashInlineScript', () => {
  // Digests from `printf '<text>' | openssl dgst -sha256 -binary | base64`.
  it('matches an openssl digest', () => {
    expect(hashInlineScript("alert('Hello, world.');")).toBe(
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    );
  });

  it('hashes the empty script', () => {
    expect(hashInlineScript('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('hashes UTF-8 bytes', () => {
    expect(hashInlineScript('é')).toBe("'sha256-SplVfkAzw1Od4utlRyAXytX5VX96BiWgnxw/biumnEw='");
  });

  it('treats CRLF as LF', () => {
    expect(hashInlineScript('a()\r\nb()')).toBe(hashInlineScript('a()\nb()'));
  });

  it('treats a lone CR as LF', () => {
    expect(hashInlineScript('a()\rb()')).toBe(hashInlineScript('a()\nb()'));
  });

  it('differs for different text', () => {
    expect(hashInlineScript('a()')).not.toBe(hashInlineScript('a() '));
  });
});
