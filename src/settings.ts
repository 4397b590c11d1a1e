/**
 * Build-time settings of the docs site, read once from environment variables.
 *
 * Every setting has a default here and a line in `.env.example`. An invalid value stops the
 * build with the variable's name, the value it had (user information of a URL hidden) and what
 * to set instead.
 */
import { z } from 'astro/zod';

/** Defaults of every setting. The two remote server URLs are placeholders to confirm. */
export const SETTING_DEFAULTS = {
  DOCS_SITE_URL: 'http://localhost:4321',
  DOCS_BASE_PATH: '/',
  DOCS_OPENAPI_DIR: 'openapi',
  DOCS_OPENAPI_AUTH_RULES: 'on',
  DOCS_SERVER_PRODUCTION_URL: 'https://api.milesusp.example',
  DOCS_SERVER_UAT_URL: 'https://uat-api.milesusp.example',
  DOCS_SERVER_LOCAL_URL: 'http://localhost:8000',
  DOCS_JWT_ALGORITHMS: 'HS256',
  DOCS_REPOSITORY_URL: '',
  DOCS_REPOSITORY_BRANCH: 'main',
} as const;

export type SettingName = keyof typeof SETTING_DEFAULTS;

/** Hints on the value each setting expects, shown after an invalid value. */
const SETTING_HINTS: Record<SettingName, string> = {
  DOCS_SITE_URL:
    'Set it to the http(s) origin the site is served from, such as https://docs.example.com, and put a sub-path in DOCS_BASE_PATH.',
  DOCS_BASE_PATH:
    'Set it to a path that starts and ends with "/", such as /docs/, or to / for the root.',
  DOCS_OPENAPI_DIR:
    'Set it to a folder, relative to the project root, that contains .yaml, .yml or .json OpenAPI documents.',
  DOCS_OPENAPI_AUTH_RULES: 'Set it to "on" or "off".',
  DOCS_SERVER_PRODUCTION_URL:
    'Set it to the absolute http(s) base URL of the Production API, without a query or fragment.',
  DOCS_SERVER_UAT_URL:
    'Set it to the absolute http(s) base URL of the UAT API, without a query or fragment.',
  DOCS_SERVER_LOCAL_URL:
    'Set it to the absolute http(s) base URL of a local API, such as http://localhost:8000.',
  DOCS_JWT_ALGORITHMS:
    'Set it to a comma-separated list of JWS algorithms such as HS256 or HS256,HS512. "none" is never accepted.',
  DOCS_REPOSITORY_URL: 'Set it to the http(s) URL of the repository, or leave it empty.',
  DOCS_REPOSITORY_BRANCH:
    'Set it to the branch that "Edit this page" links open, such as main or docs/v7, spelled as "git check-ref-format --branch" accepts it.',
};

const JWS_ALGORITHMS = [
  'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512', 'EdDSA',
] as const; // prettier-ignore

export type JwsAlgorithm = (typeof JWS_ALGORITHMS)[number];

/**
 * The scheme (group 1) and user information, such as `user:password@`, of an http(s) URL. A
 * backslash ends the authority as a slash does, because the WHATWG URL parser treats both alike
 * in http(s) URLs.
 */
const URL_USER_INFO = /^(https?:\/\/)[^/?#\\]*@/i;

const INVALID_URL = 'not an absolute http or https URL without a query or fragment';

/** A problem with a setting's value, with a fix for this value if the hint is too general. */
interface SettingProblem {
  message: string;
  fix?: string;
}

/** Options of an http(s) URL setting. */
interface UrlOptions {
  /** Whether to reject a path, as the site URL does because its path belongs in DOCS_BASE_PATH. */
  requireOrigin?: boolean;
  /** Whether the empty string is valid, for a setting that is off when empty. */
  allowEmpty?: boolean;
}

/** Builds the schema of an http(s) URL setting, which removes trailing slashes. */
function httpUrlSetting(options: UrlOptions = {}) {
  return z
    .string()
    .trim()
    .superRefine((value, context) => {
      for (const problem of findUrlProblems(value, options)) {
        context.addIssue({
          code: 'custom',
          message: problem.message,
          params: { fix: problem.fix },
        });
      }
    })
    .transform(stripTrailingSlashes);
}

const schema = z.object({
  DOCS_SITE_URL: httpUrlSetting({ requireOrigin: true }),
  DOCS_BASE_PATH: z
    .string()
    .trim()
    .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, { message: 'not a path that starts and ends with "/"' }),
  DOCS_OPENAPI_DIR: z.string().trim().min(1, { message: 'empty' }),
  DOCS_OPENAPI_AUTH_RULES: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['on', 'off'], { message: 'neither "on" nor "off"' })),
  DOCS_SERVER_PRODUCTION_URL: httpUrlSetting(),
  DOCS_SERVER_UAT_URL: httpUrlSetting(),
  DOCS_SERVER_LOCAL_URL: httpUrlSetting(),
  DOCS_JWT_ALGORITHMS: z
    .string()
    .transform(parseAlgorithms)
    .pipe(
      z
        .array(
          z.enum(JWS_ALGORITHMS, {
            error: (issue) =>
              `a list that contains the unknown or rejected algorithm ${JSON.stringify(issue.input)}`,
          }),
        )
        .min(1, { message: 'empty' }),
    ),
  DOCS_REPOSITORY_URL: httpUrlSetting({ allowEmpty: true }),
  DOCS_REPOSITORY_BRANCH: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const reason = findBranchNameProblem(value);
      if (reason !== undefined) {
        context.addIssue({ code: 'custom', message: `not a git branch name because ${reason}` });
      }
    }),
});

/** Validated settings, as the site uses them. */
export interface Settings {
  siteUrl: string;
  basePath: string;
  openapiDir: string;
  openapiAuthRules: boolean;
  servers: { production: string; uat: string; local: string };
  jwtAlgorithms: JwsAlgorithm[];
  repositoryUrl: string | undefined;
  repositoryBranch: string;
  /** Base URL of "Edit this page" links, `<repository URL>/edit/<branch>/`, if a repository is set. */
  repositoryEditUrl: string | undefined;
}

/** An invalid setting, with every problem found in one message. */
export class SettingsError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid build settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

/**
 * Reads and validates every setting from `env`, falling back to the defaults for unset or empty
 * variables. Throws a {@link SettingsError} that lists every invalid value.
 */
export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const raw = Object.fromEntries(
    Object.entries(SETTING_DEFAULTS).map(([name, fallback]) => [
      name,
      pickValue(env[name], fallback),
    ]),
  ) as Record<SettingName, string>;

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]) as SettingName;
      const fix = issue.code === 'custom' ? (issue.params?.fix as string | undefined) : undefined;
      const shownValue = JSON.stringify(hideUserInfo(raw[name]));
      return `${name}=${shownValue} is ${issue.message}. ${fix ?? SETTING_HINTS[name]}`;
    });
    throw new SettingsError(problems);
  }

  const values = parsed.data;
  const sameServers = findSameServerUrls(values);
  if (sameServers.length > 0) throw new SettingsError(sameServers);
  return {
    siteUrl: values.DOCS_SITE_URL,
    basePath: values.DOCS_BASE_PATH,
    openapiDir: values.DOCS_OPENAPI_DIR,
    openapiAuthRules: values.DOCS_OPENAPI_AUTH_RULES === 'on',
    servers: {
      production: values.DOCS_SERVER_PRODUCTION_URL,
      uat: values.DOCS_SERVER_UAT_URL,
      local: values.DOCS_SERVER_LOCAL_URL,
    },
    jwtAlgorithms: values.DOCS_JWT_ALGORITHMS,
    repositoryUrl: values.DOCS_REPOSITORY_URL || undefined,
    repositoryBranch: values.DOCS_REPOSITORY_BRANCH,
    repositoryEditUrl: values.DOCS_REPOSITORY_URL
      ? `${values.DOCS_REPOSITORY_URL}/edit/${encodeBranch(values.DOCS_REPOSITORY_BRANCH)}/`
      : undefined,
  };
}

/** The server settings in the order the API Reference lists them. */
const SERVER_SETTINGS = [
  'DOCS_SERVER_PRODUCTION_URL',
  'DOCS_SERVER_UAT_URL',
  'DOCS_SERVER_LOCAL_URL',
] as const;

/**
 * Lists each server URL that repeats an earlier one. The server dropdown of "try it" would show
 * two entries for one server, and a token meant for one environment would go to the other.
 */
function findSameServerUrls(values: Record<(typeof SERVER_SETTINGS)[number], string>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of SERVER_SETTINGS) {
    const key = new URL(values[name]).href.replace(/\/+$/, '');
    const earlier = seen.get(key);
    if (earlier) {
      problems.push(
        `${name}=${JSON.stringify(values[name])} is the same URL as ${earlier}. Give each server its own URL.`,
      );
    } else {
      seen.set(key, name);
    }
  }
  return problems;
}

let cached: Settings | undefined;

/** Returns the settings of this process, read on first use. */
export function getSettings(): Settings {
  cached ??= readSettings();
  return cached;
}

function pickValue(value: string | undefined, fallback: string): string {
  return value === undefined || value.trim() === '' ? fallback : value;
}

function stripTrailingSlashes(value: string): string {
  return value.replace(/\/+$/, '');
}

/**
 * Lists the problems of a URL setting's value. It must be an absolute http(s) URL written with
 * "//" and without a query or fragment, even an empty one. User information is rejected because
 * the build copies these URLs into public pages, the OpenAPI document and the CSP.
 */
function findUrlProblems(value: string, options: UrlOptions): SettingProblem[] {
  if (value === '' && options.allowEmpty) return [];

  const wellFormed = /^https?:\/\//i.test(value) && !value.includes('?') && !value.includes('#');
  if (!wellFormed || !URL.canParse(value)) return [{ message: INVALID_URL }];

  const problems: SettingProblem[] = [];
  if (URL_USER_INFO.test(value)) {
    problems.push({
      message: 'a URL with a user name or password, which the build would publish in the site',
      fix: `Set it to ${value.replace(URL_USER_INFO, '$1')}, without the user name and password.`,
    });
  }

  const url = new URL(value);
  const path = stripTrailingSlashes(url.pathname);
  if (options.requireOrigin && path !== '') {
    problems.push({
      message: `a URL with the path "${path}", which belongs in DOCS_BASE_PATH`,
      fix: `Set DOCS_SITE_URL to the origin ${url.origin} and DOCS_BASE_PATH to ${path}/.`,
    });
  }
  return problems;
}

/** Replaces the user information of a URL with `***`, so that no message shows a password. */
function hideUserInfo(value: string): string {
  return value.replace(URL_USER_INFO, '$1***@');
}

/** Characters that git rejects anywhere in a branch name, besides spaces and control characters. */
const BRANCH_FORBIDDEN_CHARACTERS = new Set(['~', '^', ':', '?', '*', '[', '\\']);

/** Substrings that git rejects anywhere in a branch name. */
const BRANCH_FORBIDDEN_SUBSTRINGS = ['..', '@{', '//'];

/**
 * Returns why `name` is not a branch name, as a clause such as `it contains a space`, or
 * undefined for a valid one.
 * The rules are those of `git check-ref-format --branch` and `git branch` in git 2.39.
 */
function findBranchNameProblem(name: string): string | undefined {
  for (const character of name) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x20 || codePoint === 0x7f) {
      const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
      return `it contains the control character U+${hex}`;
    }
    if (character === ' ') return 'it contains a space';
    if (BRANCH_FORBIDDEN_CHARACTERS.has(character)) return `it contains "${character}"`;
  }

  const substring = BRANCH_FORBIDDEN_SUBSTRINGS.find((forbidden) => name.includes(forbidden));
  if (substring !== undefined) return `it contains "${substring}"`;
  if (name.startsWith('/')) return 'it starts with "/"';
  if (name.endsWith('/')) return 'it ends with "/"';
  if (name.startsWith('-')) return 'it starts with "-"';
  if (name.endsWith('.')) return 'it ends with "."';
  if (name === 'HEAD') return 'it is "HEAD"';

  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `its part "${part}" starts with "."`;
    if (part.endsWith('.lock')) return `its part "${part}" ends with ".lock"`;
  }
  return undefined;
}

/** Percent-encodes each part of a branch name for a URL path, because git allows "#" and "%". */
function encodeBranch(branch: string): string {
  return branch.split('/').map(encodeURIComponent).join('/');
}

function parseAlgorithms(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
