import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheBySignature, folderSignature } from '../../../src/lib/openapi/index';

const folders: string[] = [];

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'openapi-signature-'));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('cacheBySignature', () => {
  it('loads once while the signature stays', async () => {
    let loads = 0;
    const get = cacheBySignature(
      () => 'same',
      async () => ++loads,
    );

    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    expect(loads).toBe(1);
  });

  it('loads again after the signature changes', async () => {
    let signature = 'a';
    let loads = 0;
    const get = cacheBySignature(
      () => signature,
      async () => ++loads,
    );

    await get();
    signature = 'b';

    expect(await get()).toBe(2);
  });
});

describe('folderSignature', () => {
  it('changes when a file is edited', () => {
    const folder = tempFolder();
    const file = join(folder, 'api.yaml');
    writeFileSync(file, 'openapi: 3.1.0\n');
    utimesSync(file, 1_000, 1_000);
    const before = folderSignature(folder);

    writeFileSync(file, 'openapi: 3.1.1\n');
    utimesSync(file, 2_000, 2_000);

    expect(folderSignature(folder)).not.toBe(before);
  });

  it('changes when a file is added', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'a.yaml'), 'x');
    const before = folderSignature(folder);

    writeFileSync(join(folder, 'b.yaml'), 'x');

    expect(folderSignature(folder)).not.toBe(before);
  });

  it('describes a missing folder', () => {
    expect(folderSignature(join(tmpdir(), 'no-such-openapi-folder-x7'))).toBe('missing');
  });
});
