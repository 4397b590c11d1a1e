/** Ports of the local servers the browser tests start. */
export const SITE_PORT = Number(process.env.DOCS_TEST_PORT ?? 4391);
export const FIXTURE_PORT = SITE_PORT + 1;
/** The site built from GitHub's REST description. */
export const GITHUB_PORT = SITE_PORT + 3;
export const GITHUB_URL = `http://127.0.0.1:${GITHUB_PORT}`;

/** The Local server of the OpenAPI documents, http://localhost:8000. */
export const API_PORT = 8000;

/** The site built from the fixture document, on an origin the test API allows. */
export const FIXTURE_URL = `http://127.0.0.1:${FIXTURE_PORT}`;
/** The same build on an origin the test API does not allow, to provoke a CORS refusal. */
export const REFUSED_FIXTURE_URL = `http://localhost:${FIXTURE_PORT}`;
export const API_URL = `http://localhost:${API_PORT}`;
