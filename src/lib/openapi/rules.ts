/**
 * The project's own rules for an OpenAPI document, beyond schema validity: the four security
 * schemes, an explicit `security` on every operation, a stated auth mode in every description,
 * `WWW-Authenticate` on every `401` and unique operation ids.
 */
import { authStatement, deriveOperationAuth, SECURITY_SCHEMES } from './auth-mode';
import { toPointer, type OpenApiProblem } from './problems';

type JsonObject = Record<string, unknown>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** One operation found under `paths`, with its JSON pointer. */
export interface OperationEntry {
  method: string;
  path: string;
  pointer: string;
  operation: JsonObject;
}

/** Lists every operation of a document in document order. */
export function listOperations(document: JsonObject): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(asObject(document.paths))) {
    for (const method of HTTP_METHODS) {
      const operation = asObject(asObject(item)[method]);
      if (Object.keys(operation).length === 0) continue;
      entries.push({ method, path, pointer: toPointer('paths', path, method), operation });
    }
  }
  return entries;
}

/** Checks that the four security schemes exist with their exact names, types and headers. */
export function checkSecuritySchemes(document: JsonObject, file: string): OpenApiProblem[] {
  const schemes = asObject(asObject(document.components).securitySchemes);
  const problems: OpenApiProblem[] = [];

  for (const [name, expected] of Object.entries(SECURITY_SCHEMES)) {
    const pointer = toPointer('components', 'securitySchemes', name);
    const actual = asObject(schemes[name]);
    const wanted =
      expected.type === 'http'
        ? `{ type: http, scheme: bearer, bearerFormat: JWT }`
        : `{ type: apiKey, in: header, name: ${expected.header} }`;

    if (Object.keys(actual).length === 0) {
      problems.push({
        file,
        location: pointer,
        message: `The security scheme "${name}" is missing.`,
        fix: `Add ${name}: ${wanted} under components.securitySchemes.`,
      });
      continue;
    }
    if (!schemeMatches(actual, expected)) {
      problems.push({
        file,
        location: pointer,
        message: `The security scheme "${name}" is ${JSON.stringify(pick(actual, ['type', 'scheme', 'in', 'name']))}.`,
        fix: `Make it ${wanted}.`,
      });
    }
  }
  return problems;
}

function schemeMatches(
  actual: JsonObject,
  expected: (typeof SECURITY_SCHEMES)[keyof typeof SECURITY_SCHEMES],
): boolean {
  if (expected.type === 'http') {
    return actual.type === 'http' && String(actual.scheme).toLowerCase() === 'bearer';
  }
  return actual.type === 'apiKey' && actual.in === 'header' && actual.name === expected.header;
}

/** Checks `security`, the stated auth mode and `401` headers of every operation. */
export function checkOperations(document: JsonObject, file: string): OpenApiProblem[] {
  const schemes = asObject(asObject(document.components).securitySchemes);
  const problems: OpenApiProblem[] = [];

  for (const entry of listOperations(document)) {
    const label = `${entry.method.toUpperCase()} ${entry.path}`;
    const auth = deriveOperationAuth(entry.operation.security, document.security, schemes);

    if (!auth.declaredOnOperation) {
      problems.push({
        file,
        location: `${entry.pointer}/security`,
        message: `${label} does not declare "security".`,
        fix: 'Add "security: []" for no auth, or the schemes it accepts, such as "security: [{ BearerAuth: [] }]" (add "{}" as an alternative for optional auth).',
      });
    } else {
      problems.push(...checkStatement(entry, auth, file, label));
    }
    problems.push(...checkUnauthorized(document, entry, file, label, auth));
  }
  return problems;
}

/** An auth statement such as `Authentication: none`, up to the next period or newline. */
const STATED_AUTH = /Authentication:[^.\n]*/i;

/**
 * Checks that the description contains the auth statement that the operation's `security`
 * gives. A description that states another mode gets a message that names both.
 */
function checkStatement(
  entry: OperationEntry,
  auth: ReturnType<typeof deriveOperationAuth>,
  file: string,
  label: string,
): OpenApiProblem[] {
  const statement = authStatement(auth);
  const description = String(entry.operation.description ?? '').replaceAll('*', '');
  if (description.toLowerCase().includes(statement.toLowerCase())) return [];

  const location = `${entry.pointer}/description`;
  const stated = STATED_AUTH.exec(description)?.[0].trim();
  if (stated === undefined) {
    return [
      {
        file,
        location,
        message: `The description of ${label} does not state its auth mode.`,
        fix: `Start the description with "**${statement}.**".`,
      },
    ];
  }

  const security = JSON.stringify(entry.operation.security);
  return [
    {
      file,
      location,
      message: `The description of ${label} states "${stated}", but its security, ${security}, gives "${statement}".`,
      fix: `Replace "${stated}" with "${statement}" in the description, or change "security" if the description is right.`,
    },
  ];
}

/**
 * Checks the `401` response: an operation that requires a Bearer JWT must document it, and every
 * `401` must document the `WWW-Authenticate` header.
 */
function checkUnauthorized(
  document: JsonObject,
  entry: OperationEntry,
  file: string,
  label: string,
  auth: ReturnType<typeof deriveOperationAuth>,
): OpenApiProblem[] {
  const responses = asObject(entry.operation.responses);
  if (!('401' in responses)) {
    const needsBearer =
      auth.mode === 'required' && auth.alternatives.some((item) => item.kind === 'bearer');
    if (!needsBearer) return [];
    return [
      {
        file,
        location: `${entry.pointer}/responses`,
        message: `${label} requires a Bearer JWT but documents no 401 response.`,
        fix: `Add "'401': { $ref: '#/components/responses/Unauthorized' }" to its responses.`,
      },
    ];
  }

  const response = resolveLocalRef(document, responses['401']);
  const headers = Object.keys(asObject(response.headers)).map((name) => name.toLowerCase());
  if (headers.includes('www-authenticate')) return [];

  return [
    {
      file,
      location: `${entry.pointer}/responses/401`,
      message: `The 401 response of ${label} does not document the WWW-Authenticate header.`,
      fix: `Use "$ref: '#/components/responses/Unauthorized'", or add a WWW-Authenticate header with the value Bearer.`,
    },
  ];
}

/** Checks that no operation id repeats, across every document given. */
export function checkOperationIds(
  documents: Array<{ file: string; document: JsonObject }>,
): OpenApiProblem[] {
  const seen = new Map<string, string>();
  const problems: OpenApiProblem[] = [];

  for (const { file, document } of documents) {
    for (const entry of listOperations(document)) {
      const id = entry.operation.operationId;
      if (typeof id !== 'string') continue;

      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, `${file} ${entry.pointer}`);
        continue;
      }
      problems.push({
        file,
        location: `${entry.pointer}/operationId`,
        message: `The operationId "${id}" is already used at ${first}.`,
        fix: 'Give each operation a unique operationId.',
      });
    }
  }
  return problems;
}

/** Follows a local `$ref` (`#/...`) once; returns an empty object when it cannot. */
export function resolveLocalRef(document: JsonObject, value: unknown): JsonObject {
  const object = asObject(value);
  const ref = object.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return object;

  let current: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    current = asObject(current)[segment];
  }
  return asObject(current);
}

export function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : {};
}

function pick(object: JsonObject, keys: string[]): JsonObject {
  return Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
}
