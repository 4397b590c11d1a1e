import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOpenApiDocuments, toSlug, type LoadedDocument } from '../../../src/lib/openapi/load';
import { OpenApiBuildError, type OpenApiProblem } from '../../../src/lib/openapi/problems';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BROKEN = 'tests/fixtures/openapi-broken';
const EVERY_AUTH_MODE = 'tests/fixtures/openapi-every-auth-mode';

/** Server URLs unlike those written in any document, so a test can see they were applied. */
const SERVERS = {
  production: 'https://production.settings.test',
  uat: 'https://uat.settings.test',
  local: 'http://127.0.0.1:9000',
};

function load(dir: string, authRules = true): Promise<LoadedDocument[]> {
  return loadOpenApiDocuments({ dir, root: ROOT, servers: SERVERS, authRules });
}

/** Loads `dir`, expects an {@link OpenApiBuildError} and returns its problems. */
async function loadProblems(dir: string, authRules = true): Promise<OpenApiProblem[]> {
  const outcome = await load(dir, authRules).then(
    (documents) => documents,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(OpenApiBuildError);
  return (outcome as OpenApiBuildError).problems;
}

/** Loads one broken fixture folder and expects exactly one problem, which it returns. */
async function loadSingleProblem(scenario: string, authRules = true): Promise<OpenApiProblem> {
  const problems = await loadProblems(`${BROKEN}/${scenario}`, authRules);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

function serversOf(document: LoadedDocument): unknown {
  return document.document.servers;
}

describe('loading the real document', () => {
  it('loads openapi/ without a problem', async () => {
    const documents = await load('openapi');

    expect(documents).toHaveLength(1);
    expect(documents[0]!.slug).toBe('miles-usp');
    expect(documents[0]!.file).toBe('openapi/miles-usp.yaml');
    expect(documents[0]!.title).toBe('Miles USP API');
    expect(documents[0]!.sourceFormat).toBe('yaml');
  });

  it('applies the server URLs from the options', async () => {
    const [document] = await load('openapi');

    expect(serversOf(document!)).toEqual([
      { url: SERVERS.production, description: 'Production' },
      { url: SERVERS.uat, description: 'UAT' },
      { url: SERVERS.local, description: 'Local' },
    ]);
  });

  it('keeps the source text as written', async () => {
    const [document] = await load('openapi');

    expect(document!.sourceText).toContain('url: https://api.milesusp.example');
    expect(document!.sourceText).not.toContain(SERVERS.production);
  });

  it('lists both operations as taking no auth', async () => {
    const [document] = await load('openapi');
    const operations = document!.operations.map(({ method, path, operationId, auth }) => ({
      method,
      path,
      operationId,
      mode: auth.mode,
    }));

    expect(operations).toEqual([
      {
        method: 'post',
        path: '/v7/login-with-phone-otp',
        operationId: 'loginWithPhoneOtp',
        mode: 'none',
      },
      { method: 'post', path: '/v7/verify-otp', operationId: 'verifyOtp', mode: 'none' },
    ]);
  });
});

describe('loading the every-auth-mode fixture', () => {
  it('loads without a problem', async () => {
    const documents = await load(EVERY_AUTH_MODE);

    expect(documents).toHaveLength(1);
    expect(documents[0]!.slug).toBe('every-auth-mode');
    expect(documents[0]!.title).toBe('Miles USP API (test fixture: every auth mode)');
  });

  it('applies the server URLs from the options', async () => {
    const [document] = await load(EVERY_AUTH_MODE);

    expect(serversOf(document!)).toEqual([
      { url: SERVERS.production, description: 'Production' },
      { url: SERVERS.uat, description: 'UAT' },
      { url: SERVERS.local, description: 'Local' },
    ]);
  });

  it('gives each operation a unique operationId', async () => {
    const [document] = await load(EVERY_AUTH_MODE);
    const ids = document!.operations.map((operation) => operation.operationId);

    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
  });

  it('derives the auth of every operation', async () => {
    const [document] = await load(EVERY_AUTH_MODE);
    const authByOperation = Object.fromEntries(
      document!.operations.map((operation) => [
        `${operation.method.toUpperCase()} ${operation.path}`,
        operation.auth,
      ]),
    );

    expect(authByOperation).toEqual({
      'GET /fixture/public': { mode: 'none', alternatives: [], declaredOnOperation: true },
      'GET /fixture/me': {
        mode: 'required',
        alternatives: [{ kind: 'bearer', scheme: 'BearerAuth' }],
        declaredOnOperation: true,
      },
      'GET /fixture/catalog': {
        mode: 'optional',
        alternatives: [{ kind: 'bearer', scheme: 'BearerAuth' }],
        declaredOnOperation: true,
      },
      'POST /fixture/lms/courses': {
        mode: 'required',
        alternatives: [{ kind: 'header', scheme: 'ApiKeyAuth', header: 'X-LMS-OPEN-API-KEY' }],
        declaredOnOperation: true,
      },
      'POST /fixture/vendor/callback': {
        mode: 'required',
        alternatives: [{ kind: 'header', scheme: 'VendorTokenAuth', header: 'X-Vendor-Token' }],
        declaredOnOperation: true,
      },
      'POST /fixture/enrollment/forms': {
        mode: 'required',
        alternatives: [
          {
            kind: 'header',
            scheme: 'EnrollmentFormVendorTokenAuth',
            header: 'X-Enrollment-Form-Vendor-Token',
          },
        ],
        declaredOnOperation: true,
      },
      'GET /fixture/either': {
        mode: 'required',
        alternatives: [
          { kind: 'bearer', scheme: 'BearerAuth' },
          { kind: 'header', scheme: 'ApiKeyAuth', header: 'X-LMS-OPEN-API-KEY' },
        ],
        declaredOnOperation: true,
      },
      'POST /v7/login-with-phone-otp': {
        mode: 'none',
        alternatives: [],
        declaredOnOperation: true,
      },
      'POST /v7/verify-otp': { mode: 'none', alternatives: [], declaredOnOperation: true },
    });
  });
});

describe('loading the valid base of the broken fixtures', () => {
  it('loads without a problem', async () => {
    const documents = await load(`${BROKEN}/valid-base`);

    expect(documents).toHaveLength(1);
    expect(documents[0]!.operations).toHaveLength(2);
  });
});

describe('folder problems', () => {
  let temporary: string | undefined;

  afterEach(() => {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
    temporary = undefined;
  });

  it('rejects a missing folder', async () => {
    const problems = await loadProblems(`${BROKEN}/no-such-folder`);

    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(`${BROKEN}/no-such-folder`);
    expect(problems[0]!.message).toBe(
      `The OpenAPI folder "${resolve(ROOT, BROKEN, 'no-such-folder')}" does not exist.`,
    );
    expect(problems[0]!.fix).toContain('DOCS_OPENAPI_DIR');
  });

  it('rejects a file given as the folder', async () => {
    const problems = await loadProblems('openapi/miles-usp.yaml');

    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('does not exist');
  });

  it('rejects a folder without documents', async () => {
    const problems = await loadProblems(`${BROKEN}/empty-folder`);

    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      `The OpenAPI folder "${resolve(ROOT, BROKEN, 'empty-folder')}" has no .yaml, .yml or .json file.`,
    );
  });

  it('accepts an absolute folder path', async () => {
    const documents = await load(resolve(ROOT, 'openapi'));

    expect(documents).toHaveLength(1);
    expect(documents[0]!.file).toBe('openapi/miles-usp.yaml');
  });

  it('rejects an absolute folder without documents', async () => {
    temporary = mkdtempSync(join(tmpdir(), 'openapi-load-'));
    const problems = await loadProblems(temporary);

    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(temporary);
    expect(problems[0]!.message).toContain('has no .yaml, .yml or .json file');
  });
});

describe('parse and schema problems', () => {
  it('reports a YAML syntax error with its line and column', async () => {
    const problems = await loadProblems(`${BROKEN}/yaml-syntax-error`);

    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.file).toBe(`${BROKEN}/yaml-syntax-error/api.yaml`);
      expect(problem.location).toMatch(/^line \d+:\d+$/);
      expect(problem.message).toMatch(/^Invalid YAML or JSON: /);
    }
  });

  it('locates the first YAML syntax error', async () => {
    const problems = await loadProblems(`${BROKEN}/yaml-syntax-error`);

    expect(problems[0]!.location).toBe('line 18:7');
    expect(problems[0]!.fix).toBe('Correct the syntax at that position.');
  });

  it('rejects a top level that is not an object', async () => {
    const problem = await loadSingleProblem('top-level-not-object');

    expect(problem.file).toBe(`${BROKEN}/top-level-not-object/api.yaml`);
    expect(problem.location).toBe('');
    expect(problem.message).toBe(
      'The file is not an OpenAPI document: its top level is not an object.',
    );
  });

  it('rejects OpenAPI 3.0 naming its version', async () => {
    const problem = await loadSingleProblem('openapi-3-0');

    expect(problem.location).toBe('/openapi');
    expect(problem.message).toBe('The document is OpenAPI "3.0.3", not 3.1.');
  });

  it('rejects Swagger 2.0 naming its version', async () => {
    const problem = await loadSingleProblem('swagger-2-0');

    expect(problem.location).toBe('/openapi');
    expect(problem.message).toBe('The document is OpenAPI "2.0", not 3.1.');
  });

  it('rejects a response without description', async () => {
    const problem = await loadSingleProblem('response-without-description');

    expect(problem.file).toBe(`${BROKEN}/response-without-description/api.yaml`);
    expect(problem.location).toBe('/paths/~1public/get/responses/200');
    expect(problem.message).toBe("Invalid OpenAPI: must have required property 'description'.");
  });
});

describe('auth rules', () => {
  it.each([
    ['missing-bearer-scheme', 'BearerAuth', '{ type: http, scheme: bearer, bearerFormat: JWT }'],
    [
      'missing-api-key-scheme',
      'ApiKeyAuth',
      '{ type: apiKey, in: header, name: X-LMS-OPEN-API-KEY }',
    ],
    [
      'missing-vendor-token-scheme',
      'VendorTokenAuth',
      '{ type: apiKey, in: header, name: X-Vendor-Token }',
    ],
    [
      'missing-enrollment-form-vendor-token-scheme',
      'EnrollmentFormVendorTokenAuth',
      '{ type: apiKey, in: header, name: X-Enrollment-Form-Vendor-Token }',
    ],
  ])('rejects %s', async (scenario, scheme, expected) => {
    const problem = await loadSingleProblem(scenario);

    expect(problem.file).toBe(`${BROKEN}/${scenario}/api.yaml`);
    expect(problem.location).toBe(`/components/securitySchemes/${scheme}`);
    expect(problem.message).toBe(`The security scheme "${scheme}" is missing.`);
    expect(problem.fix).toBe(`Add ${scheme}: ${expected} under components.securitySchemes.`);
  });

  it('rejects a scheme with the wrong header name', async () => {
    const problem = await loadSingleProblem('wrong-header-name');

    expect(problem.location).toBe('/components/securitySchemes/VendorTokenAuth');
    expect(problem.message).toBe(
      'The security scheme "VendorTokenAuth" is {"type":"apiKey","in":"header","name":"X-Vendor-Key"}.',
    );
    expect(problem.fix).toBe('Make it { type: apiKey, in: header, name: X-Vendor-Token }.');
  });

  it('rejects a scheme of the wrong type', async () => {
    const problem = await loadSingleProblem('wrong-scheme-type');

    expect(problem.location).toBe('/components/securitySchemes/ApiKeyAuth');
    expect(problem.message).toBe(
      'The security scheme "ApiKeyAuth" is {"type":"http","scheme":"bearer"}.',
    );
  });

  it('rejects a document without a UAT server', async () => {
    const problem = await loadSingleProblem('missing-uat-server');

    expect(problem.location).toBe('/servers');
    expect(problem.message).toBe('No server has the description "UAT".');
    expect(problem.fix).toBe(
      `Add "- url: ${SERVERS.uat}" with "description: UAT" under servers. Its URL comes from the build settings.`,
    );
  });

  it('rejects an operation without security', async () => {
    const problem = await loadSingleProblem('operation-without-security');

    expect(problem.location).toBe('/paths/~1public/get/security');
    expect(problem.message).toBe('GET /public does not declare "security".');
  });

  it('rejects a description without its auth statement', async () => {
    const problem = await loadSingleProblem('description-without-auth-statement');

    expect(problem.location).toBe('/paths/~1me/get/description');
    expect(problem.message).toBe('The description of GET /me does not state its auth mode.');
    expect(problem.fix).toBe(
      'Start the description with "**Authentication: Bearer JWT (required).**".',
    );
  });

  it('rejects an inline 401 without WWW-Authenticate', async () => {
    const problem = await loadSingleProblem('inline-401-without-www-authenticate');

    expect(problem.location).toBe('/paths/~1me/get/responses/401');
    expect(problem.message).toBe(
      'The 401 response of GET /me does not document the WWW-Authenticate header.',
    );
  });

  it('rejects a referenced 401 without WWW-Authenticate', async () => {
    const problem = await loadSingleProblem('referenced-401-without-www-authenticate');

    expect(problem.location).toBe('/paths/~1me/get/responses/401');
    expect(problem.message).toBe(
      'The 401 response of GET /me does not document the WWW-Authenticate header.',
    );
  });

  it('rejects an operationId repeated in another file', async () => {
    const problem = await loadSingleProblem('duplicate-operation-id');

    expect(problem.file).toBe(`${BROKEN}/duplicate-operation-id/b.yaml`);
    expect(problem.location).toBe('/paths/~1other~1me/get/operationId');
    expect(problem.message).toBe(
      `The operationId "getMe" is already used at ${BROKEN}/duplicate-operation-id/a.yaml /paths/~1me/get.`,
    );
  });

  it('rejects two files with the same slug', async () => {
    const problem = await loadSingleProblem('same-slug');

    expect(problem.file).toBe(`${BROKEN}/same-slug/a.yaml`);
    expect(problem.message).toBe(
      `Its URL name "a" is the same as that of ${BROKEN}/same-slug/a.json.`,
    );
  });
});

describe('loading with auth rules off', () => {
  it.each([
    'missing-bearer-scheme',
    'wrong-header-name',
    'wrong-scheme-type',
    'operation-without-security',
    'description-without-auth-statement',
    'inline-401-without-www-authenticate',
    'referenced-401-without-www-authenticate',
    'duplicate-operation-id',
  ])('accepts %s', async (scenario) => {
    const documents = await load(`${BROKEN}/${scenario}`, false);

    expect(documents.length).toBeGreaterThan(0);
  });

  it('still rejects a schema-invalid document', async () => {
    const problem = await loadSingleProblem('response-without-description', false);

    expect(problem.location).toBe('/paths/~1public/get/responses/200');
  });

  it('still rejects two files with the same slug', async () => {
    const problem = await loadSingleProblem('same-slug', false);

    expect(problem.message).toContain('Its URL name "a"');
  });

  it('keeps the servers of a document without a UAT server', async () => {
    const [document] = await load(`${BROKEN}/missing-uat-server`, false);
    const descriptions = (document!.document.servers as Array<{ description?: string }>).map(
      (server) => server.description,
    );

    expect(descriptions).not.toContain('UAT');
    expect(descriptions.length).toBeGreaterThan(0);
  });

  it('marks an operation without security as unspecified', async () => {
    const [document] = await load(`${BROKEN}/operation-without-security`, false);
    const publicOperation = document!.operations.find((operation) => operation.path === '/public');

    expect(publicOperation!.auth).toEqual({
      mode: 'unspecified',
      alternatives: [],
      declaredOnOperation: false,
    });
  });
});

describe('reporting', () => {
  let temporary: string | undefined;

  afterEach(() => {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
    temporary = undefined;
  });

  it('collects the problems of every file', async () => {
    temporary = mkdtempSync(join(tmpdir(), 'openapi-load-'));
    copyFileSync(
      resolve(ROOT, BROKEN, 'operation-without-security/api.yaml'),
      join(temporary, 'one.yaml'),
    );
    copyFileSync(resolve(ROOT, BROKEN, 'openapi-3-0/api.yaml'), join(temporary, 'two.yaml'));

    const problems = await loadProblems(temporary);
    const messages = problems.map((problem) => problem.message);

    expect(messages).toEqual([
      'GET /public does not declare "security".',
      'The document is OpenAPI "3.0.3", not 3.1.',
    ]);
  });

  it('lists every problem in the error message', async () => {
    const outcome = await load(`${BROKEN}/description-without-auth-statement`).catch(
      (error: unknown) => error,
    );

    expect(outcome).toBeInstanceOf(OpenApiBuildError);
    expect((outcome as Error).message).toBe(
      'The OpenAPI documents have 1 problem(s):\n' +
        `  - ${BROKEN}/description-without-auth-statement/api.yaml /paths/~1me/get/description: ` +
        'The description of GET /me does not state its auth mode. ' +
        'Fix: Start the description with "**Authentication: Bearer JWT (required).**".',
    );
  });
});

describe('toSlug', () => {
  it.each([
    ['openapi/miles-usp.yaml', 'miles-usp'],
    ['openapi/Miles USP.yaml', 'miles-usp'],
    ['openapi/v7_API.json', 'v7-api'],
    ['openapi/--x--.yml', 'x'],
    ['openapi/___.yaml', 'api'],
  ])('turns %s into %s', (file, slug) => {
    expect(toSlug(file)).toBe(slug);
  });
});
