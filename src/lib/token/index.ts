export { analyzeToken, analyzeTokenWithSecrets, DEFAULT_ALGORITHMS } from './analyze.ts';
export { MAX_INPUT_LENGTH } from './clean.ts';
export {
  describeClaims,
  KNOWN_CLAIMS,
  UNKNOWN_CLAIM_DESCRIPTION,
  type ClaimGroup,
  type ClaimRow,
} from './claim-table.ts';
export {
  createMessage,
  listPlaceholders,
  MESSAGE_CATALOGUE,
  MESSAGE_CODES,
  PATH_LABELS,
  STEP_LABELS,
  type CatalogueEntry,
  type MessageCode,
} from './messages.ts';
export {
  buildSampleTokens,
  DEMO_ADMIN_SIGNING_KEY,
  DEMO_SSO_SECRET,
  signDemoToken,
  type SampleTokenId,
  type SampleTokens,
} from './samples.ts';
export { VERDICTS } from './types.ts';
export type {
  AnalyzeOptions,
  AuthPathReport,
  Certainty,
  DecodedJson,
  InputSummary,
  MessageParams,
  PathId,
  PathOutcome,
  PathStep,
  ReportMessage,
  SecretOptions,
  Severity,
  StepId,
  StepStatus,
  StructureSummary,
  TimeClaimName,
  TimeClaimReport,
  TokenForm,
  TokenReport,
  UnsafeInteger,
  Verdict,
  VerdictReport,
} from './types.ts';
