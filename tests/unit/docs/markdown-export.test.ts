import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/lib/docs/markdown-export';

const OPTIONS = {
  pagePath: '/tools/token-decoder/',
  pageUrl: 'https://docs.example.com/tools/token-decoder/',
};

function body(source: string): string {
  return exportMarkdown('Title', source, OPTIONS).replace(/^# Title\n\n/, '');
}

describe('exportMarkdown', () => {
  it('starts with the title', () => {
    expect(exportMarkdown('Token decoder', 'Text.', OPTIONS)).toBe('# Token decoder\n\nText.\n');
  });

  it('drops import lines', () => {
    expect(body("import X from './x.astro';\n\nText.")).toBe('Text.\n');
  });

  it('resolves a relative link against the page', () => {
    expect(body('See [messages](../decoder-messages/).')).toBe(
      'See [messages](/tools/decoder-messages/).\n',
    );
  });

  it('keeps a fragment and a title', () => {
    expect(body('[A](../../guides/authentication/#top "Guide")')).toBe(
      '[A](/guides/authentication/#top "Guide")\n',
    );
  });

  it('keeps absolute links and anchors', () => {
    const source = '[a](https://x.example/) [b](/api-reference/) [c](#steps)';

    expect(body(source)).toBe(`${source}\n`);
  });

  it('points to the page for an interactive component', () => {
    expect(body('<TokenDecoder id="page-decoder" />')).toBe(
      '_The web page shows the token decoder here: https://docs.example.com/tools/token-decoder/_\n',
    );
  });

  it('keeps the content of a wrapper and labels its tabs', () => {
    const source = [
      '<Tabs syncKey="language">',
      '  <TabItem label="curl">',
      '  ```sh',
      '  curl x',
      '  ```',
      '  </TabItem>',
      '</Tabs>',
    ].join('\n');

    expect(body(source)).toBe('**curl**\n```sh\ncurl x\n```\n');
  });

  it('turns a link card over several lines into a list item', () => {
    const source = [
      '<CardGrid>',
      '  <LinkCard',
      '    title="Get a token"',
      '    description="Follow the login."',
      '    href="../../guides/authentication/"',
      '  />',
      '</CardGrid>',
    ].join('\n');

    expect(body(source)).toBe('- [Get a token](/guides/authentication/): Follow the login.\n');
  });

  it('outdents the content of a card', () => {
    const source = '<Card title="Auth">\n    Most routes read a JWT.\n</Card>';

    expect(body(source)).toBe('**Auth**\nMost routes read a JWT.\n');
  });

  it('keeps the indent of list items inside steps', () => {
    const source = '<Steps>\n1. **Ask.** Call it.\n\n   ```http\n   POST /x\n   ```\n</Steps>';

    expect(body(source)).toBe('1. **Ask.** Call it.\n\n   ```http\n   POST /x\n   ```\n');
  });

  it('turns an aside title into bold text', () => {
    expect(body('<Aside type="note" title="Signing">\n  Text.\n</Aside>')).toBe(
      '**Signing**\nText.\n',
    );
  });

  it('leaves lower-case HTML alone', () => {
    expect(body('<details>\n<summary>More</summary>\n</details>')).toBe(
      '<details>\n<summary>More</summary>\n</details>\n',
    );
  });
});
