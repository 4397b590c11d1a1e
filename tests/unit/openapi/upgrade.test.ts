import { describe, expect, it } from 'vitest';
import { loadOpenApiDocuments } from '../../../src/lib/openapi/load';
import { OpenApiBuildError } from '../../../src/lib/openapi/problems';
import { upgradeToOpenApi31 } from '../../../src/lib/openapi/parse';

const SERVERS = {
  production: 'https://api.example.com',
  uat: 'https://uat.example.com',
  local: 'http://localhost:8000',
};
const OPENAPI_30 = 'tests/fixtures/openapi-broken/openapi-3-0';

describe('upgradeToOpenApi31', () => {
  it('upgrades a 3.0 document', () => {
    const upgraded = upgradeToOpenApi31({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {},
    });

    expect(upgraded.openapi).toMatch(/^3\.1\./);
  });

  it('leaves a 3.1 document alone', () => {
    const document = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {} };

    expect(upgradeToOpenApi31(document)).toBe(document);
  });
});

describe('loading a 3.0 document', () => {
  it('upgrades it when the auth rules are off', async () => {
    const [document] = await loadOpenApiDocuments({
      dir: OPENAPI_30,
      servers: SERVERS,
      authRules: false,
    });

    expect(String(document!.document.openapi)).toMatch(/^3\.1\./);
  });

  it('rejects it when the auth rules are on', async () => {
    const outcome = await loadOpenApiDocuments({
      dir: OPENAPI_30,
      servers: SERVERS,
      authRules: true,
    }).catch((error: unknown) => error);

    expect(outcome).toBeInstanceOf(OpenApiBuildError);
    expect((outcome as OpenApiBuildError).problems[0]!.message).toContain('not 3.1');
  });
});
