import { describe, expect, it } from 'vitest';
import { readSettings, SETTING_DEFAULTS, SettingsError, type Settings } from '../../src/settings';

/**
 * Builds a URL with a user name and password from its parts. The parts are joined at run time,
 * so the secret scanner does not take these made-up logins for real ones.
 */
function urlWithLogin(scheme: string, login: string, rest: string): string {
  return `${scheme}://${login}@${rest}`;
}

const DEFAULT_SETTINGS: Settings = {
  siteUrl: 'http://localhost:4321',
  basePath: '/',
  openapiDir: 'openapi',
  openapiAuthRules: true,
  servers: {
    production: 'https://api.milesusp.example',
    uat: 'https://uat-api.milesusp.example',
    local: 'http://localhost:8000',
  },
  jwtAlgorithms: ['HS256'],
  repositoryUrl: undefined,
  repositoryBranch: 'main',
  repositoryEditUrl: undefined,
};

/** Reads `env`, expects a {@link SettingsError} and returns its problems. */
function readProblems(env: Record<string, string>): string[] {
  let caught: unknown;
  try {
    readSettings(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SettingsError);
  return (caught as SettingsError).problems;
}

describe('readSettings defaults', () => {
  it('uses the defaults for an empty environment', () => {
    expect(readSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('uses the defaults for empty strings', () => {
    const env = Object.fromEntries(Object.keys(SETTING_DEFAULTS).map((name) => [name, '']));

    expect(readSettings(env)).toEqual(DEFAULT_SETTINGS);
  });

  it('uses the defaults for blank strings', () => {
    const env = Object.fromEntries(Object.keys(SETTING_DEFAULTS).map((name) => [name, '  ']));

    expect(readSettings(env)).toEqual(DEFAULT_SETTINGS);
  });

  it('ignores unrelated variables', () => {
    expect(readSettings({ PATH: '/usr/bin', DOCS_UNKNOWN: 'x' })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('readSettings values', () => {
  it('reads every setting', () => {
    const settings = readSettings({
      DOCS_SITE_URL: 'https://docs.example.com',
      DOCS_BASE_PATH: '/api-docs/v7/',
      DOCS_OPENAPI_DIR: 'specs',
      DOCS_OPENAPI_AUTH_RULES: 'off',
      DOCS_SERVER_PRODUCTION_URL: 'https://api.example.com',
      DOCS_SERVER_UAT_URL: 'https://uat.example.com/base',
      DOCS_SERVER_LOCAL_URL: 'http://127.0.0.1:9000',
      DOCS_JWT_ALGORITHMS: 'HS512',
      DOCS_REPOSITORY_URL: 'https://github.com/example/docs',
      DOCS_REPOSITORY_BRANCH: 'release/v7',
    });

    expect(settings).toEqual({
      siteUrl: 'https://docs.example.com',
      basePath: '/api-docs/v7/',
      openapiDir: 'specs',
      openapiAuthRules: false,
      servers: {
        production: 'https://api.example.com',
        uat: 'https://uat.example.com/base',
        local: 'http://127.0.0.1:9000',
      },
      jwtAlgorithms: ['HS512'],
      repositoryUrl: 'https://github.com/example/docs',
      repositoryBranch: 'release/v7',
      repositoryEditUrl: 'https://github.com/example/docs/edit/release/v7/',
    });
  });

  it('removes trailing slashes from server URLs', () => {
    const settings = readSettings({
      DOCS_SERVER_PRODUCTION_URL: 'https://api.example.com/',
      DOCS_SERVER_UAT_URL: 'https://uat.example.com/base//',
      DOCS_SERVER_LOCAL_URL: 'http://localhost:8000/',
    });

    expect(settings.servers.production).toBe('https://api.example.com');
    expect(settings.servers.uat).toBe('https://uat.example.com/base');
    expect(settings.servers.local).toBe('http://localhost:8000');
  });

  it('removes a trailing slash from the site URL', () => {
    expect(readSettings({ DOCS_SITE_URL: 'https://docs.example.com/' }).siteUrl).toBe(
      'https://docs.example.com',
    );
  });

  it('trims spaces around URLs', () => {
    expect(readSettings({ DOCS_SERVER_LOCAL_URL: '  http://localhost:8000  ' }).servers.local).toBe(
      'http://localhost:8000',
    );
  });

  it('parses an algorithm list', () => {
    expect(readSettings({ DOCS_JWT_ALGORITHMS: 'HS256, HS512 ,RS256' }).jwtAlgorithms).toEqual([
      'HS256',
      'HS512',
      'RS256',
    ]);
  });

  it('skips empty entries in the algorithm list', () => {
    expect(readSettings({ DOCS_JWT_ALGORITHMS: ',HS384,,' }).jwtAlgorithms).toEqual(['HS384']);
  });

  it('turns auth rules on', () => {
    expect(readSettings({ DOCS_OPENAPI_AUTH_RULES: 'on' }).openapiAuthRules).toBe(true);
  });

  it('turns auth rules off', () => {
    expect(readSettings({ DOCS_OPENAPI_AUTH_RULES: 'off' }).openapiAuthRules).toBe(false);
  });

  it('accepts nested base paths', () => {
    expect(readSettings({ DOCS_BASE_PATH: '/a/b.c/d~e_f-g/' }).basePath).toBe('/a/b.c/d~e_f-g/');
  });

  it('accepts an http repository URL', () => {
    expect(readSettings({ DOCS_REPOSITORY_URL: 'http://git.example.com/docs' }).repositoryUrl).toBe(
      'http://git.example.com/docs',
    );
  });
});

describe('readSettings repository', () => {
  it('removes trailing slashes from the repository URL', () => {
    const settings = readSettings({ DOCS_REPOSITORY_URL: 'https://github.com/example/docs//' });

    expect(settings.repositoryUrl).toBe('https://github.com/example/docs');
    expect(settings.repositoryEditUrl).toBe('https://github.com/example/docs/edit/main/');
  });

  it('builds the edit URL with the default branch', () => {
    const settings = readSettings({ DOCS_REPOSITORY_URL: 'https://github.com/example/docs' });

    expect(settings.repositoryBranch).toBe('main');
    expect(settings.repositoryEditUrl).toBe('https://github.com/example/docs/edit/main/');
  });

  it('builds the edit URL with another branch', () => {
    const settings = readSettings({
      DOCS_REPOSITORY_URL: 'https://github.com/example/docs/',
      DOCS_REPOSITORY_BRANCH: ' docs/v7 ',
    });

    expect(settings.repositoryBranch).toBe('docs/v7');
    expect(settings.repositoryEditUrl).toBe('https://github.com/example/docs/edit/docs/v7/');
  });

  it('percent-encodes each part of the branch', () => {
    const settings = readSettings({
      DOCS_REPOSITORY_URL: 'https://github.com/example/docs',
      DOCS_REPOSITORY_BRANCH: 'fix/#12%',
    });

    expect(settings.repositoryBranch).toBe('fix/#12%');
    expect(settings.repositoryEditUrl).toBe('https://github.com/example/docs/edit/fix/%2312%25/');
  });

  it('has no edit URL without a repository URL', () => {
    expect(readSettings({ DOCS_REPOSITORY_BRANCH: 'develop' }).repositoryEditUrl).toBeUndefined();
  });

  it.each([
    'main',
    'develop',
    'feature/login-otp',
    'v7.1',
    'release-2024_01',
    'a.b/c.d',
    'naïve',
    '@',
    'a@b',
  ])('accepts the branch %s', (branch) => {
    expect(readSettings({ DOCS_REPOSITORY_BRANCH: branch }).repositoryBranch).toBe(branch);
  });
});

describe('readSettings URL checks', () => {
  it('accepts a site URL with a trailing slash alone', () => {
    expect(readSettings({ DOCS_SITE_URL: 'https://docs.example.com//' }).siteUrl).toBe(
      'https://docs.example.com',
    );
  });

  it('rejects a site URL with a path', () => {
    const [problem, ...others] = readProblems({ DOCS_SITE_URL: 'https://docs.example.com/docs' });

    expect(others).toEqual([]);
    expect(problem).toBe(
      'DOCS_SITE_URL="https://docs.example.com/docs" is a URL with the path "/docs", which ' +
        'belongs in DOCS_BASE_PATH. Set DOCS_SITE_URL to the origin https://docs.example.com ' +
        'and DOCS_BASE_PATH to /docs/.',
    );
  });

  it('names the nested path of a site URL', () => {
    const [problem] = readProblems({ DOCS_SITE_URL: 'http://localhost:4321/api/docs/' });

    expect(problem).toContain('is a URL with the path "/api/docs", which belongs in');
    expect(problem).toContain(
      'Set DOCS_SITE_URL to the origin http://localhost:4321 and DOCS_BASE_PATH to /api/docs/.',
    );
  });

  it.each([
    'DOCS_SITE_URL',
    'DOCS_SERVER_PRODUCTION_URL',
    'DOCS_SERVER_UAT_URL',
    'DOCS_SERVER_LOCAL_URL',
    'DOCS_REPOSITORY_URL',
  ])('rejects credentials in %s', (name) => {
    const problems = readProblems({
      [name]: urlWithLogin('https', 'deploy:s3cret', 'host.example.com'),
    });

    expect(problems).toEqual([
      `${name}="https://***@host.example.com" is a URL with a user name or password, which ` +
        'the build would publish in the site. Set it to https://host.example.com, without ' +
        'the user name and password.',
    ]);
  });

  it.each([
    [
      'https://user@api.example.com/v7',
      'https://***@api.example.com/v7',
      'https://api.example.com/v7',
    ],
    ['https://:pw@api.example.com', 'https://***@api.example.com', 'https://api.example.com'],
    ['https://@api.example.com', 'https://***@api.example.com', 'https://api.example.com'],
    ['https://a:b@c@api.example.com', 'https://***@api.example.com', 'https://api.example.com'],
    ['HTTPS://u:p@api.example.com', 'HTTPS://***@api.example.com', 'HTTPS://api.example.com'],
  ])('hides the credentials of %s', (value, shown, fixed) => {
    const [problem, ...others] = readProblems({ DOCS_SERVER_UAT_URL: value });

    expect(others).toEqual([]);
    expect(problem).toContain(`DOCS_SERVER_UAT_URL=${JSON.stringify(shown)} is a URL with a`);
    expect(problem).toContain(`Set it to ${fixed}, without the user name and password.`);
  });

  it('never shows the password', () => {
    const problems = readProblems({
      DOCS_SITE_URL: urlWithLogin('https', 'admin:hunter2', 'docs.example.com/docs?x=1'),
      DOCS_SERVER_LOCAL_URL: urlWithLogin('http', 'admin:hunter2', 'localhost:8000/#top'),
    });

    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).not.toContain('hunter2');
  });

  it('reports site URL path and credentials', () => {
    const problems = readProblems({ DOCS_SITE_URL: 'https://u:p@docs.example.com/docs' });

    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('is a URL with a user name or password');
    expect(problems[1]).toContain('Set DOCS_SITE_URL to the origin https://docs.example.com and');
    expect(problems.join('\n')).not.toContain('u:p');
  });

  it.each([
    ['DOCS_SITE_URL', 'https://docs.example.com/?'],
    ['DOCS_SERVER_PRODUCTION_URL', 'https://api.example.com?'],
    ['DOCS_SERVER_UAT_URL', 'https://uat.example.com/#'],
    ['DOCS_SERVER_LOCAL_URL', 'http://localhost:8000/?#'],
  ])('rejects an empty query or fragment in %s', (name, value) => {
    const problems = readProblems({ [name]: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      `${name}=${JSON.stringify(value)} is not an absolute http or https URL without a query ` +
        'or fragment.',
    );
  });

  it.each(['https:api.example.com', 'https:/api.example.com', 'https:\\\\api.example.com'])(
    'rejects the URL %s without "//"',
    (value) => {
      const [problem] = readProblems({ DOCS_SERVER_PRODUCTION_URL: value });

      expect(problem).toContain(
        'is not an absolute http or https URL without a query or fragment.',
      );
    },
  );
});

describe('readSettings invalid values', () => {
  it.each([
    [
      'DOCS_SITE_URL',
      'docs.example.com',
      'not an absolute http or https URL without a query or fragment',
    ],
    [
      'DOCS_SITE_URL',
      'ftp://docs.example.com',
      'not an absolute http or https URL without a query or fragment',
    ],
    [
      'DOCS_SERVER_PRODUCTION_URL',
      'not a url',
      'not an absolute http or https URL without a query or fragment',
    ],
    [
      'DOCS_SERVER_PRODUCTION_URL',
      'ftp://api.example.com',
      'not an absolute http or https URL without a query or fragment',
    ],
    [
      'DOCS_SERVER_UAT_URL',
      'https://uat.example.com/?debug=1',
      'not an absolute http or https URL without a query or fragment',
    ],
    [
      'DOCS_SERVER_UAT_URL',
      'https://uat.example.com/#top',
      'not an absolute http or https URL without a query or fragment',
    ],
    [
      'DOCS_SERVER_LOCAL_URL',
      'localhost:8000',
      'not an absolute http or https URL without a query or fragment',
    ],
    ['DOCS_BASE_PATH', 'docs', 'not a path that starts and ends with "/"'],
    ['DOCS_BASE_PATH', '/docs', 'not a path that starts and ends with "/"'],
    ['DOCS_BASE_PATH', 'docs/', 'not a path that starts and ends with "/"'],
    ['DOCS_BASE_PATH', '//', 'not a path that starts and ends with "/"'],
    ['DOCS_BASE_PATH', '/my docs/', 'not a path that starts and ends with "/"'],
    ['DOCS_OPENAPI_AUTH_RULES', 'yes', 'neither "on" nor "off"'],
    ['DOCS_OPENAPI_AUTH_RULES', 'yes', 'neither "on" nor "off"'],
    ['DOCS_OPENAPI_AUTH_RULES', 'true', 'neither "on" nor "off"'],
    [
      'DOCS_JWT_ALGORITHMS',
      'HS999',
      'a list that contains the unknown or rejected algorithm "HS999"',
    ],
    [
      'DOCS_JWT_ALGORITHMS',
      'none',
      'a list that contains the unknown or rejected algorithm "none"',
    ],
    [
      'DOCS_JWT_ALGORITHMS',
      'hs256',
      'a list that contains the unknown or rejected algorithm "hs256"',
    ],
    ['DOCS_JWT_ALGORITHMS', ',', 'empty'],
    [
      'DOCS_REPOSITORY_URL',
      'git@github.com:example/docs.git',
      'not an absolute http or https URL without a query or fragment',
    ],
    [
      'DOCS_REPOSITORY_URL',
      'https://github.com/example/docs?tab=1',
      'not an absolute http or https URL without a query or fragment',
    ],
    ['DOCS_REPOSITORY_BRANCH', 'my branch', 'not a git branch name because it contains a space'],
    [
      'DOCS_REPOSITORY_BRANCH',
      'a\tb',
      'not a git branch name because it contains the control character U+0009',
    ],
    ['DOCS_REPOSITORY_BRANCH', 'main~1', 'not a git branch name because it contains "~"'],
    ['DOCS_REPOSITORY_BRANCH', 'main^', 'not a git branch name because it contains "^"'],
    ['DOCS_REPOSITORY_BRANCH', 'a:b', 'not a git branch name because it contains ":"'],
    ['DOCS_REPOSITORY_BRANCH', 'what?', 'not a git branch name because it contains "?"'],
    ['DOCS_REPOSITORY_BRANCH', 'feat*', 'not a git branch name because it contains "*"'],
    ['DOCS_REPOSITORY_BRANCH', 'x[1]', 'not a git branch name because it contains "["'],
    ['DOCS_REPOSITORY_BRANCH', 'a\\b', 'not a git branch name because it contains "\\"'],
    ['DOCS_REPOSITORY_BRANCH', 'a..b', 'not a git branch name because it contains ".."'],
    ['DOCS_REPOSITORY_BRANCH', 'a@{1}', 'not a git branch name because it contains "@{"'],
    ['DOCS_REPOSITORY_BRANCH', 'a//b', 'not a git branch name because it contains "//"'],
    ['DOCS_REPOSITORY_BRANCH', '/main', 'not a git branch name because it starts with "/"'],
    ['DOCS_REPOSITORY_BRANCH', 'main/', 'not a git branch name because it ends with "/"'],
    ['DOCS_REPOSITORY_BRANCH', 'main.', 'not a git branch name because it ends with "."'],
    ['DOCS_REPOSITORY_BRANCH', '-main', 'not a git branch name because it starts with "-"'],
    [
      'DOCS_REPOSITORY_BRANCH',
      'a/.hidden',
      'not a git branch name because its part ".hidden" starts with "."',
    ],
    [
      'DOCS_REPOSITORY_BRANCH',
      'main.lock',
      'not a git branch name because its part "main.lock" ends with ".lock"',
    ],
    ['DOCS_REPOSITORY_BRANCH', 'HEAD', 'not a git branch name because it is "HEAD"'],
    [
      'DOCS_REPOSITORY_BRANCH',
      '.main',
      'not a git branch name because its part ".main" starts with "."',
    ],
    [
      'DOCS_REPOSITORY_BRANCH',
      'a/b.lock/c',
      'not a git branch name because its part "b.lock" ends with ".lock"',
    ],
  ])('rejects %s=%s', (name, value, reason) => {
    const problems = readProblems({ [name]: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${name}=${JSON.stringify(value)} is ${reason}.`);
  });

  it('names the fix for an ftp URL', () => {
    const [problem] = readProblems({ DOCS_SERVER_PRODUCTION_URL: 'ftp://api.example.com' });

    expect(problem).toBe(
      'DOCS_SERVER_PRODUCTION_URL="ftp://api.example.com" is not an absolute http or https URL ' +
        'without a query or fragment. Set it to the absolute http(s) base URL of the Production ' +
        'API, without a query or fragment.',
    );
  });

  it('names the fix for a bad branch', () => {
    const [problem] = readProblems({ DOCS_REPOSITORY_BRANCH: 'my branch' });

    expect(problem).toBe(
      'DOCS_REPOSITORY_BRANCH="my branch" is not a git branch name because it contains a space. ' +
        'Set it to the branch that "Edit this page" links open, such as main or docs/v7, ' +
        'spelled as "git check-ref-format --branch" accepts it.',
    );
  });

  it('names the fix for a bad base path', () => {
    const [problem] = readProblems({ DOCS_BASE_PATH: 'docs' });

    expect(problem).toBe(
      'DOCS_BASE_PATH="docs" is not a path that starts and ends with "/". Set it to a path that ' +
        'starts and ends with "/", such as /docs/, or to / for the root.',
    );
  });

  it('names the fix for the none algorithm', () => {
    const [problem] = readProblems({ DOCS_JWT_ALGORITHMS: 'HS256,none' });

    expect(problem).toBe(
      'DOCS_JWT_ALGORITHMS="HS256,none" is a list that contains the unknown or rejected algorithm ' +
        '"none". Set it to a comma-separated list of JWS algorithms such as HS256 or HS256,HS512. "none" is never accepted.',
    );
  });

  it('names the fix for an on/off value', () => {
    const [problem] = readProblems({ DOCS_OPENAPI_AUTH_RULES: 'enabled' });

    expect(problem).toBe(
      'DOCS_OPENAPI_AUTH_RULES="enabled" is neither "on" nor "off". Set it to "on" or "off".',
    );
  });

  it('names each rejected algorithm once', () => {
    const problems = readProblems({ DOCS_JWT_ALGORITHMS: 'HS999,none' });

    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('the unknown or rejected algorithm "HS999".');
    expect(problems[1]).toContain('the unknown or rejected algorithm "none".');
  });

  it('reports several invalid values together', () => {
    const problems = readProblems({
      DOCS_SITE_URL: 'docs.example.com',
      DOCS_BASE_PATH: 'docs',
      DOCS_OPENAPI_AUTH_RULES: 'maybe',
      DOCS_SERVER_UAT_URL: 'ftp://uat.example.com',
      DOCS_JWT_ALGORITHMS: 'none',
    });

    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^DOCS_SITE_URL="docs\.example\.com" is /);
    expect(problems[1]).toMatch(/^DOCS_BASE_PATH="docs" is /);
    expect(problems[2]).toMatch(/^DOCS_OPENAPI_AUTH_RULES="maybe" is /);
    expect(problems[3]).toMatch(/^DOCS_SERVER_UAT_URL="ftp:\/\/uat\.example\.com" is /);
    expect(problems[4]).toMatch(/^DOCS_JWT_ALGORITHMS="none" is /);
  });

  it('lists every problem in the error message', () => {
    let caught: unknown;
    try {
      readSettings({ DOCS_BASE_PATH: 'docs', DOCS_OPENAPI_AUTH_RULES: 'maybe' });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(SettingsError);
    expect((caught as SettingsError).name).toBe('SettingsError');
    expect((caught as SettingsError).message).toBe(
      'Invalid build settings:\n' +
        `  - ${(caught as SettingsError).problems[0]}\n` +
        `  - ${(caught as SettingsError).problems[1]}`,
    );
  });
});

describe('server URLs', () => {
  it('rejects UAT equal to Production', () => {
    expect(
      readProblems({
        DOCS_SERVER_PRODUCTION_URL: 'https://api.example.com',
        DOCS_SERVER_UAT_URL: 'https://API.example.com/',
      }),
    ).toEqual([
      'DOCS_SERVER_UAT_URL="https://API.example.com" is the same URL as DOCS_SERVER_PRODUCTION_URL. Give each server its own URL.',
    ]);
  });

  it('accepts three different servers', () => {
    expect(() =>
      readSettings({
        DOCS_SERVER_PRODUCTION_URL: 'https://api.example.com',
        DOCS_SERVER_UAT_URL: 'https://uat.example.com',
        DOCS_SERVER_LOCAL_URL: 'http://localhost:8000',
      }),
    ).not.toThrow();
  });
});
