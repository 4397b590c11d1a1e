import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { loadOpenApiDocuments, type LoadedDocument } from '../../../src/lib/openapi/load';
import { prepareDocument } from '../../../src/lib/openapi/prepared';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SERVERS = {
  production: 'https://production.settings.test',
  uat: 'https://uat.settings.test',
  local: 'http://127.0.0.1:9000',
};

async function loadFixture(): Promise<LoadedDocument> {
  const [document] = await loadOpenApiDocuments({
    dir: 'tests/fixtures/openapi-every-auth-mode',
    root: ROOT,
    servers: SERVERS,
    authRules: true,
  });
  return document!;
}

describe('prepareDocument', () => {
  it('adds Scalar navigation', async () => {
    const loaded = await loadFixture();
    const prepared = await prepareDocument(loaded);
    const json = JSON.parse(prepared.json) as Record<string, unknown>;

    expect(prepared.processed).toBe(true);
    expect(json['x-scalar-navigation']).toMatchObject({ type: 'document' });
    expect(prepared.path).toBe(`openapi/${loaded.slug}.${prepared.hash}.json`);
    // The Explorer sends requests to the settings' servers, so processing must keep them.
    expect(JSON.stringify(json.servers)).toContain(SERVERS.local);
  });

  it('same document, same URL', async () => {
    const first = await prepareDocument(await loadFixture());
    const second = await prepareDocument(await loadFixture());

    expect(second.hash).toBe(first.hash);
    expect(second.json).toBe(first.json);
  });

  it('caches each document', async () => {
    const loaded = await loadFixture();

    expect(prepareDocument(loaded)).toBe(prepareDocument(loaded));
  });

  it('falls back when processing fails', async () => {
    const loaded = await loadFixture();
    // Scalar's store accepts any JSON, so a getter that throws on its first read simulates a
    // failure inside it. The fallback then reads the paths as usual.
    let reads = 0;
    const broken: LoadedDocument = {
      ...loaded,
      document: {
        ...loaded.document,
        get paths(): unknown {
          reads += 1;
          if (reads === 1) throw new Error('unreadable paths');
          return loaded.document.paths;
        },
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const prepared = await prepareDocument(broken);

    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${loaded.file}:`));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unreadable paths'));
    warn.mockRestore();
    expect(prepared.processed).toBe(false);
    expect(JSON.parse(prepared.json)).toEqual(JSON.parse(JSON.stringify(loaded.document)));
  });
});
