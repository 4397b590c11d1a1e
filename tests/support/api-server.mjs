// A stand-in for the Miles USP API on the Local server (http://localhost:8000), for the browser
// tests. It is not a model of the backend: it shows which headers the docs site sends.
//   node tests/support/api-server.mjs [--port 8000] [--allow-origin http://127.0.0.1:4392 ...]
// - CORS: answers preflights and requests from the allowed origins only, so a docs site served
//   from any other origin sees a CORS refusal.
// - /fixture/* operations: 401 with `WWW-Authenticate: Bearer` when the credential they need is
//   missing, else 200 with the credentials received.
// - /v7/login-with-phone-otp and /v7/verify-otp: a phone OTP login whose OTP the tests can read.
//   A few phone numbers get special answers, listed at SERVER_ERROR_PHONE and below.
// - GET /__test/requests and /__test/otp?phone=: what the tests inspect.
import { createServer } from 'node:http';
import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8000' },
    'allow-origin': { type: 'string', multiple: true, default: ['http://127.0.0.1:4392'] },
  },
});

const allowedOrigins = new Set(values['allow-origin']);
const CREDENTIAL_HEADERS = [
  'authorization',
  'x-lms-open-api-key',
  'x-vendor-token',
  'x-enrollment-form-vendor-token',
];
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', ...CREDENTIAL_HEADERS.slice(1)];

/** What each fixture operation needs: one of these headers, or nothing. */
const OPERATIONS = {
  'GET /fixture/public': { needs: [] },
  'GET /fixture/me': { needs: ['authorization'] },
  'GET /fixture/catalog': { needs: [], optional: ['authorization'] },
  'POST /fixture/lms/courses': { needs: ['x-lms-open-api-key'] },
  'POST /fixture/vendor/callback': { needs: ['x-vendor-token'] },
  'POST /fixture/enrollment/forms': { needs: ['x-enrollment-form-vendor-token'] },
  'GET /fixture/either': { needs: ['authorization', 'x-lms-open-api-key'], any: true },
};

/** The OTP request for this phone fails with 500 and a plain-text body. */
const SERVER_ERROR_PHONE = '+910000000500';
/** The OTP check for this phone returns 200 without a token. */
const NO_TOKEN_PHONE = '+910000000000';
/**
 * The OTP check for phones that start with this prefix returns a SimpleJWT-shaped admin access
 * token signed with the decoder's public demo admin signing key, so the decoder can verify it.
 */
const SIGNED_TOKEN_PHONE_PREFIX = '+91777';
const DEMO_ADMIN_SIGNING_KEY = 'demo-admin-signing-key-not-for-production';

const recorded = [];
const otps = new Map();

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function corsHeaders(origin) {
  if (!origin || !allowedOrigins.has(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS.join(', '),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Expose-Headers': 'WWW-Authenticate',
    Vary: 'Origin',
  };
}

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return undefined;
  }
}

function received(request) {
  return Object.fromEntries(
    CREDENTIAL_HEADERS.filter((name) => request.headers[name] !== undefined).map((name) => [
      name,
      request.headers[name],
    ]),
  );
}

async function handleLogin(request, response, cors) {
  const body = await readJson(request);
  const phone = body?.phone;
  if (typeof phone !== 'string' || !/^\+?[0-9]{8,15}$/.test(phone)) {
    return send(response, 400, { detail: 'Invalid phone number.' }, cors);
  }
  if (phone === SERVER_ERROR_PHONE) {
    response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...cors });
    response.end('Internal Server Error: the SMS gateway did not answer.');
    return;
  }
  otps.set(phone, String(randomInt(100000, 1000000)));
  return send(response, 200, { detail: 'OTP sent' }, cors);
}

async function handleVerify(request, response, cors) {
  const body = await readJson(request);
  const expected = otps.get(body?.phone);
  if (!expected || body?.otp !== expected) {
    return send(response, 400, { detail: 'Invalid or expired OTP.' }, cors);
  }
  otps.delete(body.phone);
  if (body.phone === NO_TOKEN_PHONE) return send(response, 200, { detail: 'ok' }, cors);
  if (body.phone.startsWith(SIGNED_TOKEN_PHONE_PREFIX)) {
    return send(response, 200, { access: signAdminToken(body.phone) }, cors);
  }
  return send(response, 200, { access: `local-test-admin-token-${randomUUID()}` }, cors);
}

/** Signs an HS256 admin access token with the claims SimpleJWT issues, valid for 5 minutes. */
function signAdminToken(phone) {
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = {
    token_type: 'access',
    exp: issuedAt + 300,
    iat: issuedAt,
    jti: randomUUID().replaceAll('-', ''),
    user_id: 7,
    phone,
  };
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = createHmac('sha256', DEMO_ADMIN_SIGNING_KEY).update(input).digest('base64url');
  return `${input}.${signature}`;
}

function handleOperation(request, response, cors, operation) {
  const headers = received(request);
  const present = operation.needs.filter((name) => headers[name] !== undefined);
  const missing = operation.any ? present.length === 0 : present.length < operation.needs.length;
  if (operation.needs.length > 0 && missing) {
    return send(
      response,
      401,
      { detail: 'Authentication credentials were not provided.' },
      {
        ...cors,
        'WWW-Authenticate': 'Bearer',
      },
    );
  }
  return send(response, 200, { received: headers }, cors);
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const origin = request.headers.origin;
  const cors = corsHeaders(origin);

  if (url.pathname === '/__test/requests') return send(response, 200, recorded);
  if (url.pathname === '/__test/otp') {
    return send(response, 200, { otp: otps.get(url.searchParams.get('phone') ?? '') ?? null });
  }
  if (request.method === 'OPTIONS') {
    response.writeHead(origin && allowedOrigins.has(origin) ? 204 : 403, cors).end();
    return;
  }

  recorded.push({
    method: request.method,
    path: url.pathname,
    origin: origin ?? null,
    headers: received(request),
  });
  if (recorded.length > 500) recorded.shift();

  const key = `${request.method} ${url.pathname}`;
  if (key === 'POST /v7/login-with-phone-otp') return handleLogin(request, response, cors);
  if (key === 'POST /v7/verify-otp') return handleVerify(request, response, cors);
  if (OPERATIONS[key]) return handleOperation(request, response, cors, OPERATIONS[key]);
  return send(response, 404, { detail: 'Not found.' }, cors);
});

server.listen(Number(values.port), 'localhost', () => {
  console.log(
    `Test API on http://localhost:${values.port}, allowing ${[...allowedOrigins].join(', ')}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)));
