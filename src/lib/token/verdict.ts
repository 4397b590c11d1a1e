import { formatClaimValue } from './claim-table.ts';
import { formatList } from './format.ts';
import { createMessage } from './messages.ts';
import type {
  AuthPathReport,
  Certainty,
  ReportMessage,
  UnsafeInteger,
  VerdictReport,
} from './types.ts';

export interface VerdictInputs {
  decodable: boolean;
  paths: readonly [AuthPathReport, AuthPathReport];
  payload: Record<string, unknown> | null;
  unsafeIntegers: readonly UnsafeInteger[];
  algorithms: readonly string[];
}

/** Maximum length of a claim value quoted in the verdict summary. */
const MAX_SUMMARY_VALUE_LENGTH = 40;

/**
 * Decides the verdict from the paths in the backend's order. The first path that is accepted,
 * or undecided, decides. The certainty is `confirmed` unless an unknown step on the deciding
 * path could still change the outcome.
 */
export function decideVerdict(inputs: VerdictInputs): VerdictReport {
  if (!inputs.decodable) return rejection(inputs, 'not-a-token');
  const [sso, admin] = inputs.paths;
  if (sso.outcome !== 'rejected') return acceptance(inputs, 'sso', sso);
  if (admin.outcome !== 'rejected') return acceptance(inputs, 'admin', admin);
  return rejection(inputs, 'rejected');
}

function acceptance(
  inputs: VerdictInputs,
  verdict: 'sso' | 'admin',
  path: AuthPathReport,
): VerdictReport {
  const payload = inputs.payload ?? {};
  const idClaim = verdict === 'sso' ? 'userId' : 'user_id';
  const summary = createMessage(verdict === 'sso' ? 'VERDICT_SSO' : 'VERDICT_ADMIN', {
    userId: summaryValue(payload, idClaim, inputs.unsafeIntegers),
    phone: summaryValue(payload, 'phone', inputs.unsafeIntegers),
  });
  const openQuestions = path.steps
    .filter((step) => step.status === 'unknown')
    .map((step) => step.reason);
  const certainty: Certainty = openQuestions.length === 0 ? 'confirmed' : 'likely';
  return {
    verdict,
    certainty,
    summary,
    openQuestions,
    response: null,
    optionalAuthNote: null,
    cannotKnow: cannotKnow(inputs.algorithms),
  };
}

function rejection(inputs: VerdictInputs, verdict: 'rejected' | 'not-a-token'): VerdictReport {
  return {
    verdict,
    certainty: 'confirmed',
    summary: createMessage(verdict === 'rejected' ? 'VERDICT_REJECTED' : 'VERDICT_NOT_A_TOKEN'),
    openQuestions: [],
    response: { status: 401, wwwAuthenticate: 'Bearer' },
    optionalAuthNote: createMessage('OPTIONAL_AUTH_ANONYMOUS'),
    cannotKnow: cannotKnow(inputs.algorithms),
  };
}

function summaryValue(
  payload: Record<string, unknown>,
  claim: string,
  unsafeIntegers: readonly UnsafeInteger[],
): string {
  return formatClaimValue(payload, claim, unsafeIntegers, MAX_SUMMARY_VALUE_LENGTH);
}

export function cannotKnow(algorithms: readonly string[]): ReportMessage[] {
  return [
    createMessage('UNKNOWN_USER_ACCOUNT'),
    createMessage('UNKNOWN_REVOCATION'),
    createMessage('UNKNOWN_BACKEND_SETTINGS', { algorithms: formatList(algorithms) }),
  ];
}
