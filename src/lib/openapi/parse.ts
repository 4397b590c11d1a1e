/** Parses and validates one OpenAPI document's text, turning every failure into a problem. */
import { upgrade, validate } from '@scalar/openapi-parser';
import { LineCounter, parseDocument } from 'yaml';
import type { OpenApiProblem } from './problems';

export type ParseResult =
  { ok: true; document: Record<string, unknown> } | { ok: false; problems: OpenApiProblem[] };

/** Parses YAML or JSON text (JSON is YAML), reporting the line and column of a syntax error. */
export function parseText(text: string, file: string): ParseResult {
  // `yaml` sets `error.linePos` only with pretty errors, which also append a code excerpt to
  // the message, so the position comes from a line counter instead.
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (parsed.errors.length > 0) {
    return {
      ok: false,
      problems: parsed.errors.map((error) => ({
        file,
        location: syntaxErrorLocation(error.pos[0], lineCounter),
        message: `Invalid YAML or JSON: ${firstLine(error.message)}`,
        fix: 'Correct the syntax at that position.',
      })),
    };
  }

  const value: unknown = parsed.toJS({ maxAliasCount: 100 });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        {
          file,
          location: '',
          message: 'The file is not an OpenAPI document: its top level is not an object.',
          fix: 'Start the file with "openapi: 3.1.0", "info" and "paths".',
        },
      ],
    };
  }
  return { ok: true, document: value as Record<string, unknown> };
}

/**
 * Upgrades an OpenAPI 3.0 document to 3.1 with Scalar's upgrader, for documents of other APIs
 * (the project's own documents must be 3.1). Returns the document unchanged when it is not 3.0.
 */
export function upgradeToOpenApi31(document: Record<string, unknown>): Record<string, unknown> {
  if (!/^3\.0\.\d+$/.test(String(document.openapi ?? ''))) return document;
  const upgraded = upgrade(document).specification;
  return (upgraded as Record<string, unknown> | null) ?? document;
}

/** Validates against the OpenAPI schema and requires version 3.1. */
export async function validateDocument(
  document: Record<string, unknown>,
  file: string,
): Promise<OpenApiProblem[]> {
  const version = String(document.openapi ?? '');
  if (!/^3\.1\.\d+$/.test(version)) {
    return [
      {
        file,
        location: '/openapi',
        message: `The document is OpenAPI "${version || document.swagger || 'unknown'}", not 3.1.`,
        fix: 'Export or convert the document to OpenAPI 3.1 ("openapi: 3.1.0").',
      },
    ];
  }

  const result = await validate(structuredClone(document));
  if (result.valid) return [];

  return (result.errors ?? []).map((error) => ({
    file,
    location: Array.isArray(error.path) ? `/${error.path.join('/')}` : (error.path ?? ''),
    message: `Invalid OpenAPI: ${error.message}.`,
    fix: 'Correct the value at that location so it matches the OpenAPI 3.1 schema.',
  }));
}

/** Formats a character offset as `line N:M`, both counted from 1. */
function syntaxErrorLocation(offset: number, lineCounter: LineCounter): string {
  const { line, col } = lineCounter.linePos(offset);
  return `line ${line}:${col}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
