/**
 * Reads the request and response field names of the admin phone OTP login from the OpenAPI
 * documents at build time, so the login form sends what the document describes.
 */
import { asObject, resolveLocalRef } from '../../lib/openapi/rules';

export const SEND_OTP_PATH = '/v7/login-with-phone-otp';
export const VERIFY_OTP_PATH = '/v7/verify-otp';

/** The two calls of the login, with the field names they use. Both are `POST` with JSON. */
export interface LoginContract {
  sendOtp: { path: string; phoneField: string };
  verifyOtp: { path: string; phoneField: string; otpField: string; tokenField: string };
}

export type ContractResult = { ok: true; contract: LoginContract } | { ok: false; problem: string };

type JsonObject = Record<string, unknown>;

/** Deepest chain of `$ref`s followed before giving up, so a reference loop cannot hang the build. */
const MAX_REF_DEPTH = 8;

/**
 * Finds `POST /v7/login-with-phone-otp` and `POST /v7/verify-otp` in the first document that has
 * both, and reads from their schemas the phone field, the OTP field and the field of the 200
 * response that carries the admin JWT. Returns a problem that names what is missing otherwise.
 */
export function readLoginContract(
  documents: ReadonlyArray<{ document: JsonObject }>,
): ContractResult {
  const document = documents.find(
    (item) => operation(item.document, SEND_OTP_PATH) && operation(item.document, VERIFY_OTP_PATH),
  )?.document;
  if (!document) {
    return {
      ok: false,
      problem: `No OpenAPI document of this site has both POST ${SEND_OTP_PATH} and POST ${VERIFY_OTP_PATH}.`,
    };
  }

  const sendFields = requestFields(document, SEND_OTP_PATH);
  const verifyFields = requestFields(document, VERIFY_OTP_PATH);
  const tokenFields = responseFields(document, VERIFY_OTP_PATH, '200');

  const sendPhone =
    sendFields.length === 1 ? sendFields[0] : findField(sendFields, /phone|mobile/i);
  if (!sendPhone) {
    return fieldProblem(SEND_OTP_PATH, 'request body', 'the phone number', sendFields);
  }
  const verifyPhone = verifyFields.includes(sendPhone)
    ? sendPhone
    : findField(verifyFields, /phone|mobile/i);
  if (!verifyPhone) {
    return fieldProblem(VERIFY_OTP_PATH, 'request body', 'the phone number', verifyFields);
  }
  const others = verifyFields.filter((name) => name !== verifyPhone);
  const otp = others.length === 1 ? others[0] : findField(others, /otp|code/i);
  if (!otp) return fieldProblem(VERIFY_OTP_PATH, 'request body', 'the OTP', verifyFields);

  const tokens = tokenFields.filter((name) => !/refresh/i.test(name));
  const token = tokens.length === 1 ? tokens[0] : findField(tokens, /access|token/i);
  if (!token) return fieldProblem(VERIFY_OTP_PATH, '200 response', 'the admin JWT', tokenFields);

  return {
    ok: true,
    contract: {
      sendOtp: { path: SEND_OTP_PATH, phoneField: sendPhone },
      verifyOtp: {
        path: VERIFY_OTP_PATH,
        phoneField: verifyPhone,
        otpField: otp,
        tokenField: token,
      },
    },
  };
}

function operation(document: JsonObject, path: string): JsonObject | undefined {
  const post = asObject(asObject(asObject(document.paths)[path]).post);
  return Object.keys(post).length > 0 ? post : undefined;
}

function resolve(document: JsonObject, value: unknown): JsonObject {
  let current = asObject(value);
  for (let depth = 0; depth < MAX_REF_DEPTH && typeof current.$ref === 'string'; depth += 1) {
    current = resolveLocalRef(document, current);
  }
  return current;
}

function jsonSchema(document: JsonObject, holder: unknown): JsonObject {
  const content = asObject(resolve(document, holder).content);
  return resolve(document, asObject(content['application/json']).schema);
}

function requestFields(document: JsonObject, path: string): string[] {
  return fieldNames(jsonSchema(document, operation(document, path)?.requestBody));
}

function responseFields(document: JsonObject, path: string, status: string): string[] {
  const responses = asObject(operation(document, path)?.responses);
  return fieldNames(jsonSchema(document, responses[status]));
}

/** Lists the required fields of an object schema, or all of its properties when none is required. */
function fieldNames(schema: JsonObject): string[] {
  const required = Array.isArray(schema.required)
    ? schema.required.filter((name): name is string => typeof name === 'string')
    : [];
  return required.length > 0 ? required : Object.keys(asObject(schema.properties));
}

function findField(names: string[], pattern: RegExp): string | undefined {
  const matches = names.filter((name) => pattern.test(name));
  return matches.length === 1 ? matches[0] : undefined;
}

function fieldProblem(path: string, where: string, what: string, names: string[]): ContractResult {
  const listed = names.length > 0 ? names.join(', ') : 'none';
  return {
    ok: false,
    problem: `Cannot tell which field of the ${where} of POST ${path} is ${what} (fields: ${listed}).`,
  };
}
