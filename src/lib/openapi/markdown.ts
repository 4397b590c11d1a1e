/**
 * Renders the CommonMark and GitHub Flavored Markdown of OpenAPI descriptions as HTML that is
 * safe to put in a page at build time.
 */
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// remark-rehype drops raw HTML unless `allowDangerousHtml` is set, and rehype-sanitize then keeps
// only the elements, attributes and URL protocols that GitHub allows in a README.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, defaultSchema)
  .use(rehypeStringify)
  .freeze();

/**
 * Converts Markdown to sanitized HTML: no `<script>` or other raw HTML, no event handler
 * attributes, no link URL with a protocol other than http, https, mailto, xmpp, irc or ircs, and
 * no image URL other than http or https. Relative URLs are kept. Ids and names get the prefix
 * `user-content-`, so they cannot clash with the page's own.
 *
 * NOTE: Raw HTML in the text is dropped, not sanitized and kept, because parsing it needs
 * rehype-raw, which this project does not depend on.
 */
export function renderMarkdown(text: string): string {
  return String(processor.processSync(text));
}
