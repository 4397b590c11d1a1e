/**
 * The operations the decoder offers for its endpoint verdict, built at build time from the
 * OpenAPI documents. The module touches no DOM, so it runs in Node and in the browser.
 */
import { authBadges, type OperationAuth } from '../../lib/openapi/auth-mode';

/** The value of the decoder's default choice, "Any route that needs a Bearer JWT". */
export const ANY_BEARER_ROUTE_VALUE = '';

/** One `<option>` of the operation choice. */
export interface OperationChoice {
  /** The option's value, such as `GET /fixture/me`, unique across the documents. */
  value: string;
  /** The option's text: method, path, summary and auth mode. */
  label: string;
  /** Method and path, such as `GET /fixture/me`, shown above the endpoint verdict. */
  operation: string;
  auth: OperationAuth;
}

/** The operations of one document, shown as an `<optgroup>`. */
export interface OperationGroup {
  title: string;
  choices: OperationChoice[];
}

interface DocumentOperations {
  title: string;
  slug: string;
  operations: Array<{ method: string; path: string; summary: string; auth: OperationAuth }>;
}

/**
 * Builds one group per document, in document order. A method and path that an earlier document
 * already lists get the document's slug in their value, so every value stays unique.
 */
export function buildOperationGroups(documents: readonly DocumentOperations[]): OperationGroup[] {
  const usedValues = new Set<string>([ANY_BEARER_ROUTE_VALUE]);
  return documents.map((document) => ({
    title: document.title,
    choices: document.operations.map((item) => {
      const operation = `${item.method.toUpperCase()} ${item.path}`;
      const value = usedValues.has(operation) ? `${operation} (${document.slug})` : operation;
      usedValues.add(value);
      const modes = authBadges(item.auth)
        .map((badge) => badge.label)
        .join(' or ');
      const summary = item.summary ? `: ${item.summary}` : '';
      return { value, label: `${operation}${summary} (${modes})`, operation, auth: item.auth };
    }),
  }));
}
