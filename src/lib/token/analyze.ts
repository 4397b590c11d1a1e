import { checkClaims, type ClaimChecks } from './claims.ts';
import { cleanInput } from './clean.ts';
import { decodeJsonSegment } from './decode.ts';
import { errorText, jsonTypeName } from './format.ts';
import {
  checkAlgorithm,
  checkSignatureLength,
  hmacSignatureBytes,
  type AlgorithmCheck,
} from './header.ts';
import { findUnsafeIntegers } from './json-scan.ts';
import { createMessage } from './messages.ts';
import { buildPaths } from './paths.ts';
import { analyzeStructure, type StructureResult } from './structure.ts';
import { decideVerdict } from './verdict.ts';
import { isCryptoAvailable, NO_SECRET, type SignatureCheck } from './crypto.ts';
import type {
  AnalyzeOptions,
  DecodedJson,
  ReportMessage,
  SecretOptions,
  TokenReport,
  UnsafeInteger,
} from './types.ts';

/** Algorithms accepted when the options name none: PyJWT's and SimpleJWT's usual HS256. */
export const DEFAULT_ALGORITHMS: readonly string[] = ['HS256'];

/** Everything the analysis finds before any signature is checked. */
interface Analysis {
  inputLength: number;
  token: string | null;
  structure: StructureResult | null;
  header: DecodedJson | null;
  payload: DecodedJson | null;
  algorithm: AlgorithmCheck | null;
  claims: ClaimChecks | null;
  unsafeIntegers: UnsafeInteger[];
  algorithms: readonly string[];
  messages: ReportMessage[];
}

interface SignatureChecks {
  sso: SignatureCheck;
  admin: SignatureCheck;
}

const NOT_CHECKED: SignatureChecks = { sso: NO_SECRET, admin: NO_SECRET };

/**
 * Analyzes a pasted token without checking signatures: clean-up, structure, decoding, claims
 * and the backend's two authentication paths. Never throws: an unexpected error becomes an
 * INTERNAL_ERROR message in the report.
 */
export function analyzeToken(input: string, options: AnalyzeOptions): TokenReport {
  try {
    return buildReport(analyze(input, options), NOT_CHECKED);
  } catch (error) {
    return failureReport(input, options, error);
  }
}

/**
 * Analyzes a token as `analyzeToken` does and also verifies its HMAC signature with the SSO
 * secret and the admin signing key that are given. The promise never rejects.
 */
export async function analyzeTokenWithSecrets(
  input: string,
  options: SecretOptions,
): Promise<TokenReport> {
  try {
    const analysis = analyze(input, options);
    const checks = await checkSignatures(analysis, options);
    return buildReport(analysis, checks);
  } catch (error) {
    return failureReport(input, options, error);
  }
}

function analyze(input: unknown, options: AnalyzeOptions | undefined): Analysis {
  const algorithms = options?.algorithms ?? DEFAULT_ALGORITHMS;
  const analysis: Analysis = {
    inputLength: typeof input === 'string' ? input.length : 0,
    token: null,
    structure: null,
    header: null,
    payload: null,
    algorithm: null,
    claims: null,
    unsafeIntegers: [],
    algorithms,
    messages: [],
  };
  if (typeof input !== 'string') {
    analysis.messages.push(createMessage('INPUT_NOT_STRING', { type: jsonTypeName(input) }));
    return analysis;
  }

  const cleaned = cleanInput(input);
  analysis.messages.push(...cleaned.messages);
  analysis.token = cleaned.token;
  if (cleaned.token === null) return analysis;

  const structure = analyzeStructure(cleaned.token);
  analysis.structure = structure;
  analysis.messages.push(...structure.messages);
  decodeSegments(analysis, structure);
  checkDecoded(analysis, referenceSeconds(options, analysis.messages));
  return analysis;
}

function decodeSegments(analysis: Analysis, structure: StructureResult): void {
  const [headerSegment, payloadSegment] = structure.segments;
  const joseToken = structure.normalizedToken;
  if (headerSegment !== undefined) {
    analysis.header = decodeJsonSegment(headerSegment, 'header', joseToken, analysis.messages);
  }
  if (payloadSegment !== undefined && structure.summary.form === 'jws') {
    analysis.payload = decodeJsonSegment(payloadSegment, 'payload', joseToken, analysis.messages);
  }
  if (analysis.payload?.value) {
    analysis.unsafeIntegers = findUnsafeIntegers(analysis.payload.rawJson);
    for (const integer of analysis.unsafeIntegers) {
      analysis.messages.push(createMessage('UNSAFE_INTEGER', { ...integer }));
    }
  }
}

/** Checks the header and claims of a token whose header and payload are JSON objects. */
function checkDecoded(analysis: Analysis, nowSeconds: number): void {
  const header = analysis.header?.value;
  const payload = analysis.payload?.value;
  if (!isDecodable(analysis) || !header || !payload) return;

  analysis.algorithm = checkAlgorithm(header, analysis.algorithms);
  if (analysis.algorithm.finding) analysis.messages.push(analysis.algorithm.finding);
  if (analysis.algorithm.status === 'pass') {
    const lengthFinding = checkSignatureLength(
      analysis.algorithm.alg,
      signatureBytes(analysis) ?? 0,
    );
    if (lengthFinding) analysis.messages.push(lengthFinding);
  }
  analysis.claims = checkClaims(payload, nowSeconds);
  analysis.messages.push(...analysis.claims.messages);
}

function isDecodable(analysis: Analysis): boolean {
  return (
    analysis.structure?.decodable === true &&
    analysis.header?.value != null &&
    analysis.payload?.value != null
  );
}

function signatureBytes(analysis: Analysis): number | null {
  return analysis.structure?.segments[2]?.bytes?.length ?? null;
}

/** Returns `options.now` in seconds, or the current time with a message when it is invalid. */
function referenceSeconds(options: AnalyzeOptions | undefined, messages: ReportMessage[]): number {
  const now: unknown = options?.now;
  if (now instanceof Date && Number.isFinite(now.getTime())) return now.getTime() / 1000;
  messages.push(createMessage('CLOCK_INVALID'));
  return Date.now() / 1000;
}

/** Verifies the signature for each path whose secret is given, when the token can match one. */
async function checkSignatures(
  analysis: Analysis,
  options: SecretOptions,
): Promise<SignatureChecks> {
  const alg = analysis.algorithm?.alg ?? null;
  const token = analysis.token;
  const verifiable =
    token !== null &&
    isDecodable(analysis) &&
    analysis.algorithm?.status === 'pass' &&
    alg !== null &&
    hmacSignatureBytes(alg) === signatureBytes(analysis);
  if (!verifiable) return NOT_CHECKED;

  const secretGiven = Boolean(options.ssoSecret) || Boolean(options.adminSigningKey);
  if (!secretGiven) return NOT_CHECKED;
  if (!isCryptoAvailable()) {
    analysis.messages.push(createMessage('CRYPTO_UNAVAILABLE'));
  }
  // Loaded on the first check, so pages that only decode never download jose's verification code.
  const { checkHmacSignature } = await import('./verify.ts');
  const [sso, admin] = await Promise.all([
    checkHmacSignature(token, alg, options.ssoSecret),
    checkHmacSignature(token, alg, options.adminSigningKey),
  ]);
  return { sso, admin };
}

function buildReport(analysis: Analysis, signatures: SignatureChecks): TokenReport {
  const decodable = isDecodable(analysis);
  const paths = buildPaths({
    decodable,
    versionDependent: analysis.structure?.versionDependent ?? false,
    payload: analysis.payload?.value ?? null,
    algorithm: analysis.algorithm,
    signatureBytes: signatureBytes(analysis),
    claims: analysis.claims,
    signatures,
  });
  const verdict = decideVerdict({
    decodable,
    paths,
    payload: analysis.payload?.value ?? null,
    unsafeIntegers: analysis.unsafeIntegers,
    algorithms: analysis.algorithms,
  });
  return {
    input: { length: analysis.inputLength, token: analysis.token },
    structure: analysis.structure?.summary ?? null,
    header: analysis.header,
    payload: analysis.payload,
    timeClaims: analysis.claims?.timeClaims ?? [],
    unsafeIntegers: analysis.unsafeIntegers,
    paths,
    verdict,
    messages: analysis.messages,
  };
}

/** Builds a report for an unexpected error, with the error as the open question. */
function failureReport(
  input: unknown,
  options: AnalyzeOptions | undefined,
  error: unknown,
): TokenReport {
  const internal = createMessage('INTERNAL_ERROR', { error: errorText(error) });
  const algorithms = Array.isArray(options?.algorithms) ? options.algorithms : DEFAULT_ALGORITHMS;
  const analysis: Analysis = {
    inputLength: typeof input === 'string' ? input.length : 0,
    token: null,
    structure: null,
    header: null,
    payload: null,
    algorithm: null,
    claims: null,
    unsafeIntegers: [],
    algorithms,
    messages: [internal],
  };
  const report = buildReport(analysis, NOT_CHECKED);
  report.verdict.certainty = 'likely';
  report.verdict.openQuestions = [internal];
  return report;
}
