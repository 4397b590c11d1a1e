import { describe, expect, it } from 'vitest';
import { parseText, validateDocument } from '../../../src/lib/openapi/parse';

const FILE = 'openapi/api.yaml';

const MINIMAL = {
  openapi: '3.1.0',
  info: { title: 'Minimal', version: '1.0.0' },
  paths: {},
};

describe('parseText', () => {
  it('parses YAML into an object', () => {
    const result = parseText('openapi: 3.1.0\ninfo:\n  title: Minimal\n', FILE);

    expect(result).toEqual({
      ok: true,
      document: { openapi: '3.1.0', info: { title: 'Minimal' } },
    });
  });

  it('parses JSON into an object', () => {
    const result = parseText('{"openapi": "3.1.0", "paths": {}}', FILE);

    expect(result).toEqual({ ok: true, document: { openapi: '3.1.0', paths: {} } });
  });

  it('reports a YAML syntax error with line and column', () => {
    const result = parseText('openapi: 3.1.0\ninfo:\n  title: [Minimal\n  version: 1\n', FILE);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toEqual({
      file: FILE,
      location: 'line 4:3',
      message:
        'Invalid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ]',
      fix: 'Correct the syntax at that position.',
    });
  });

  it('reports a JSON syntax error with line and column', () => {
    const result = parseText('{\n  "openapi": "3.1.0",\n  "paths": {\n}', FILE);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.location).toBe('line 4:2');
  });

  it('rejects a duplicate key where it repeats', () => {
    const result = parseText('openapi: 3.1.0\npaths: {}\nopenapi: 3.0.0\n', FILE);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.location).toBe('line 3:1');
    expect(result.problems[0]!.message).toBe('Invalid YAML or JSON: Map keys must be unique');
  });

  it('keeps only the first line of a message', () => {
    const result = parseText('a: "unterminated\n', FILE);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const problem of result.problems) {
      expect(problem.message).not.toContain('\n');
    }
  });

  it.each([
    ['a list', '- openapi: 3.1.0\n'],
    ['a string', 'openapi 3.1.0\n'],
    ['a number', '42\n'],
    ['an empty file', ''],
  ])('rejects %s at the top level', (_kind, text) => {
    const result = parseText(text, FILE);

    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: FILE,
          location: '',
          message: 'The file is not an OpenAPI document: its top level is not an object.',
          fix: 'Start the file with "openapi: 3.1.0", "info" and "paths".',
        },
      ],
    });
  });
});

describe('validateDocument', () => {
  it('accepts a minimal OpenAPI 3.1 document', async () => {
    expect(await validateDocument(structuredClone(MINIMAL), FILE)).toEqual([]);
  });

  it('leaves the document unchanged', async () => {
    const document = {
      ...structuredClone(MINIMAL),
      components: { responses: { Ok: { description: 'OK' } } },
      paths: { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Ok' } } } } },
    };
    const before = structuredClone(document);

    await validateDocument(document, FILE);

    expect(document).toEqual(before);
  });

  it.each([
    ['3.0.3', { openapi: '3.0.3' }, 'The document is OpenAPI "3.0.3", not 3.1.'],
    ['3.2.0', { openapi: '3.2.0' }, 'The document is OpenAPI "3.2.0", not 3.1.'],
    ['Swagger 2.0', { swagger: '2.0' }, 'The document is OpenAPI "2.0", not 3.1.'],
    ['no version', {}, 'The document is OpenAPI "unknown", not 3.1.'],
  ])('rejects %s naming the version', async (_kind, version, message) => {
    const { openapi: _ignored, ...withoutVersion } = MINIMAL;
    const problems = await validateDocument({ ...withoutVersion, ...version }, FILE);

    expect(problems).toEqual([
      {
        file: FILE,
        location: '/openapi',
        message,
        fix: 'Export or convert the document to OpenAPI 3.1 ("openapi: 3.1.0").',
      },
    ]);
  });

  it('reports a schema error at its JSON pointer', async () => {
    const document = {
      ...structuredClone(MINIMAL),
      paths: { '/a/{id}': { get: { responses: { '200': {} } } } },
    };

    const problems = await validateDocument(document, FILE);

    expect(problems).toHaveLength(1);
    expect(problems[0]!.location).toBe('/paths/~1a~1{id}/get/responses/200');
    expect(problems[0]!.message).toBe(
      "Invalid OpenAPI: must have required property 'description'.",
    );
    expect(problems[0]!.fix).toBe(
      'Correct the value at that location so it matches the OpenAPI 3.1 schema.',
    );
  });

  it('reports a reference that does not resolve', async () => {
    const document = {
      ...structuredClone(MINIMAL),
      paths: {
        '/a': { get: { responses: { '401': { $ref: '#/components/responses/Missing' } } } },
      },
    };

    const problems = await validateDocument(document, FILE);

    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('#/components/responses/Missing');
  });
});
