/**
 * Loads every OpenAPI document in the configured folder once per build: parses, validates,
 * applies the server URLs from the settings and enforces the project's auth rules. Any problem
 * stops the build with an {@link OpenApiBuildError} that names the file, the location and the fix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { deriveOperationAuth, type OperationAuth } from './auth-mode';
import { parseText, upgradeToOpenApi31, validateDocument } from './parse';
import { OpenApiBuildError, type OpenApiProblem } from './problems';
import {
  asObject,
  checkOperationIds,
  checkOperations,
  checkSecuritySchemes,
  listOperations,
} from './rules';
import { applyServerUrls, type ServerUrls } from './servers';

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export interface LoadOptions {
  /** The folder of documents, absolute or relative to `root`. */
  dir: string;
  /** The project root; defaults to the working directory. */
  root?: string;
  servers: ServerUrls;
  /**
   * Whether to enforce the project's auth rules (schemes, the three servers, `security`) and
   * apply the server URLs. Off only for documents of other APIs, such as a large test fixture.
   */
  authRules: boolean;
}

/** One operation, as the site lists it. */
export interface OperationSummary {
  method: string;
  path: string;
  operationId: string | undefined;
  summary: string;
  description: string;
  tags: string[];
  auth: OperationAuth;
}

/** A validated document, ready to render. */
export interface LoadedDocument {
  /** URL-safe name from the file name, such as `miles-usp`. */
  slug: string;
  /** The file's path relative to the project root. */
  file: string;
  title: string;
  /** The file's text as written. */
  sourceText: string;
  sourceFormat: 'yaml' | 'json';
  /** The parsed document with the server URLs from the settings applied. */
  document: Record<string, unknown>;
  operations: OperationSummary[];
}

/** Loads, validates and checks every document; throws when any has a problem. */
export async function loadOpenApiDocuments(options: LoadOptions): Promise<LoadedDocument[]> {
  const root = options.root ?? process.cwd();
  const files = listDocumentFiles(resolve(root, options.dir), options.dir);
  const problems: OpenApiProblem[] = [];
  const documents: LoadedDocument[] = [];

  for (const path of files) {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    const loaded = await loadOne(file, text, options, problems);
    if (loaded) documents.push(loaded);
  }

  problems.push(...checkSlugs(documents));
  if (options.authRules) problems.push(...checkOperationIds(documents));
  if (problems.length > 0) throw new OpenApiBuildError(problems);
  return documents;
}

async function loadOne(
  file: string,
  text: string,
  options: LoadOptions,
  problems: OpenApiProblem[],
): Promise<LoadedDocument | undefined> {
  const parsed = parseText(text, file);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }

  // Only another API's document, checked without the auth rules, may still be OpenAPI 3.0.
  const document = options.authRules ? parsed.document : upgradeToOpenApi31(parsed.document);
  const invalid = await validateDocument(document, file);
  if (invalid.length > 0) {
    problems.push(...invalid);
    return undefined;
  }

  if (options.authRules) {
    problems.push(...applyServerUrls(document, options.servers, file));
    problems.push(...checkSecuritySchemes(document, file));
    problems.push(...checkOperations(document, file));
  }

  return {
    slug: toSlug(file),
    file,
    title: String(asObject(document.info).title ?? basename(file)),
    sourceText: text,
    sourceFormat: extname(file).toLowerCase() === '.json' ? 'json' : 'yaml',
    document,
    operations: summarizeOperations(document),
  };
}

function listDocumentFiles(dir: string, configured: string): string[] {
  const notFound = (message: string) =>
    new OpenApiBuildError([
      {
        file: configured,
        location: '',
        message,
        fix: 'Put at least one OpenAPI 3.1 document (.yaml, .yml or .json) there, or set DOCS_OPENAPI_DIR to the folder that has them.',
      },
    ]);

  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw notFound(`The OpenAPI folder "${dir}" does not exist.`);
  }
  const files = readdirSync(dir)
    .filter((name) => EXTENSIONS.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(dir, name));
  if (files.length === 0)
    throw notFound(`The OpenAPI folder "${dir}" has no .yaml, .yml or .json file.`);
  return files;
}

function summarizeOperations(document: Record<string, unknown>): OperationSummary[] {
  const schemes = asObject(asObject(document.components).securitySchemes);
  return listOperations(document).map(({ method, path, operation }) => ({
    method,
    path,
    operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
    summary: String(operation.summary ?? ''),
    description: String(operation.description ?? ''),
    tags: Array.isArray(operation.tags) ? operation.tags.map(String) : [],
    auth: deriveOperationAuth(operation.security, document.security, schemes),
  }));
}

/** Turns `openapi/Miles USP.yaml` into `miles-usp`. */
export function toSlug(file: string): string {
  const name = basename(file, extname(file)).toLowerCase();
  return name.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'api';
}

function checkSlugs(documents: LoadedDocument[]): OpenApiProblem[] {
  const seen = new Map<string, string>();
  const problems: OpenApiProblem[] = [];
  for (const { slug, file } of documents) {
    const first = seen.get(slug);
    if (first === undefined) {
      seen.set(slug, file);
      continue;
    }
    problems.push({
      file,
      location: '',
      message: `Its URL name "${slug}" is the same as that of ${first}.`,
      fix: 'Rename one of the two files so their names differ in letters or digits.',
    });
  }
  return problems;
}
