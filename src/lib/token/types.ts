import type { MessageCode } from './messages.ts';

export type Severity = 'error' | 'warning' | 'info';

/** Values substituted into a message template, keyed by placeholder name. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One rendered message of a report. */
export interface ReportMessage {
  code: MessageCode;
  severity: Severity;
  /** Template text with every placeholder replaced from `params`. */
  text: string;
  params: MessageParams;
}

export interface AnalyzeOptions {
  /** Reference time for exp, nbf and iat. The analysis never reads the system clock. */
  now: Date;
  /** Algorithms the backend accepts. Defaults to `DEFAULT_ALGORITHMS` (`['HS256']`). */
  algorithms?: readonly string[];
}

export interface SecretOptions extends AnalyzeOptions {
  /** Value of the backend's SSO_SECRET_KEY, as UTF-8 text. An empty string counts as not given. */
  ssoSecret?: string;
  /** Value of the backend's JWT_SIGNING_KEY, as UTF-8 text. An empty string counts as not given. */
  adminSigningKey?: string;
}

export type TokenForm = 'jws' | 'jwe' | 'not-a-jwt';

export type SegmentName = 'header' | 'payload' | 'signature';

export interface InputSummary {
  /** Input length in UTF-16 code units, the unit of `MAX_INPUT_LENGTH`. */
  length: number;
  /** Token left after clean-up, or null when the input was rejected before a token was found. */
  token: string | null;
}

export interface StructureSummary {
  form: TokenForm;
  segmentCount: number;
}

/** A JSON segment of the token. */
export interface DecodedJson {
  /** JSON text exactly as decoded from the segment, so large integers keep every digit. */
  rawJson: string;
  /** Parsed object, or null when the text is not a JSON object. */
  value: Record<string, unknown> | null;
}

export type TimeClaimName = 'exp' | 'nbf' | 'iat';

export interface TimeClaimReport {
  claim: TimeClaimName;
  /** Value as it appears in the payload. */
  value: unknown;
  /** Whole seconds since 1970-01-01 UTC as PyJWT compares them, or null when not convertible. */
  epochSeconds: number | null;
  /** ISO 8601 date in UTC, or null when the value is outside the range of a JavaScript Date. */
  isoUtc: string | null;
  /** Time relative to `options.now`, such as "expired 3 hours ago". */
  relative: string | null;
}

/** An integer literal above 2^53 that JSON.parse rounds. */
export interface UnsafeInteger {
  /** Location in the payload, such as `user_id` or `items[2].id`. */
  path: string;
  /** Digits exactly as sent. */
  raw: string;
  /** Value that JavaScript reads after rounding. */
  parsed: string;
}

export type StepStatus = 'pass' | 'fail' | 'unknown' | 'skipped';

export type StepId =
  | 'structure'
  | 'algorithm'
  | 'signature'
  | 'time'
  | 'claim-types'
  | 'audience'
  | 'simplejwt'
  | 'identity';

export interface PathStep {
  id: StepId;
  status: StepStatus;
  reason: ReportMessage;
}

export type PathId = 'sso' | 'admin';

/** `undecided`: no step fails, but an unknown step could still fail. */
export type PathOutcome = 'accepted' | 'rejected' | 'undecided' | 'not-reached';

export interface AuthPathReport {
  id: PathId;
  outcome: PathOutcome;
  /** When the backend tries this path. */
  note: ReportMessage;
  steps: PathStep[];
}

export type Verdict = 'sso' | 'admin' | 'rejected' | 'not-a-token';

export const VERDICTS: readonly Verdict[] = ['sso', 'admin', 'rejected', 'not-a-token'];

/**
 * `confirmed`: the outcome depends on no unchecked fact under the given settings, because the
 * deciding signature was checked with a secret or a check that needs no secret fails.
 * `likely`: an unchecked step could change it, and `openQuestions` names that step.
 */
export type Certainty = 'confirmed' | 'likely';

export interface VerdictReport {
  verdict: Verdict;
  certainty: Certainty;
  summary: ReportMessage;
  /** Reasons of the unchecked steps that decide a `likely` verdict. Empty when confirmed. */
  openQuestions: ReportMessage[];
  /** The API's response for `rejected` and `not-a-token`, null when the token is accepted. */
  response: { status: 401; wwwAuthenticate: 'Bearer' } | null;
  /** Behaviour of an optional-auth route in place of the 401, null when the token is accepted. */
  optionalAuthNote: ReportMessage | null;
  /** Facts that only the server can check, listed with every verdict. */
  cannotKnow: ReportMessage[];
}

export interface TokenReport {
  input: InputSummary;
  structure: StructureSummary | null;
  header: DecodedJson | null;
  payload: DecodedJson | null;
  timeClaims: TimeClaimReport[];
  unsafeIntegers: UnsafeInteger[];
  /** The SSO path first and the admin path second, in the backend's order. */
  paths: [AuthPathReport, AuthPathReport];
  verdict: VerdictReport;
  /** Findings in the order of the analysis: input, structure, decoding, header, claims. */
  messages: ReportMessage[];
}
