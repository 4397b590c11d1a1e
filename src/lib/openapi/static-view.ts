/**
 * Data for the static view of the API Reference: operations grouped by tag, with the fragment
 * Scalar gives each operation, and one row per security scheme.
 */
import type { OperationSummary } from './load';
import { asObject } from './rules';

/** An operation with the fragment that Scalar uses for it, such as `tag/admin-login/POST/v7/x`. */
export interface AnchoredOperation extends OperationSummary {
  anchor: string;
}

export interface OperationGroup {
  name: string;
  slug: string;
  operations: AnchoredOperation[];
}

/** Scalar's slug of a tag name: lower case, with every run of other characters turned into "-". */
export function tagSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Returns the fragment of an operation in Scalar's reference, without the leading "#". */
export function operationAnchor(tag: string, method: string, path: string): string {
  return `tag/${tagSlug(tag)}/${method.toUpperCase()}${path}`;
}

/**
 * Groups operations by their first tag, in the order tags first appear. An operation without a
 * tag goes into a group named "default", as Scalar does.
 */
export function groupOperations(operations: OperationSummary[]): OperationGroup[] {
  const groups = new Map<string, OperationGroup>();
  for (const operation of operations) {
    const name = operation.tags[0] ?? 'default';
    const group = groups.get(name) ?? { name, slug: tagSlug(name), operations: [] };
    group.operations.push({
      ...operation,
      anchor: operationAnchor(name, operation.method, operation.path),
    });
    groups.set(name, group);
  }
  return [...groups.values()];
}

/** Lists one row per security scheme: its name, the credential it reads and its description. */
export function schemeRows(
  document: Record<string, unknown>,
): Array<{ name: string; credential: string; description: string }> {
  const schemes = asObject(asObject(document.components).securitySchemes);
  return Object.entries(schemes).map(([name, value]) => {
    const scheme = asObject(value);
    const credential =
      scheme.type === 'apiKey'
        ? `${String(scheme.name)} (${String(scheme.in)})`
        : scheme.type === 'http'
          ? `Authorization: ${capitalize(String(scheme.scheme))}`
          : String(scheme.type);
    return { name, credential, description: String(scheme.description ?? '') };
  });
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
