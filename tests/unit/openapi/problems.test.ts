import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  OpenApiBuildError,
  pointerSegment,
  toPointer,
  type OpenApiProblem,
} from '../../../src/lib/openapi/problems';

const PROBLEM: OpenApiProblem = {
  file: 'openapi/api.yaml',
  location: '/paths/~1me/get/security',
  message: 'GET /me does not declare "security".',
  fix: 'Add "security: []".',
};

describe('toPointer', () => {
  it('joins segments into a JSON pointer', () => {
    expect(toPointer('paths', '/v7/verify-otp', 'post')).toBe('/paths/~1v7~1verify-otp/post');
  });

  it('escapes a tilde before a slash', () => {
    expect(pointerSegment('~/a')).toBe('~0~1a');
  });

  it('writes numbers as segments', () => {
    expect(toPointer('servers', 1, 'url')).toBe('/servers/1/url');
  });

  it('returns an empty pointer for no segments', () => {
    expect(toPointer()).toBe('');
  });
});

describe('formatProblem', () => {
  it('writes file, location, message and fix on one line', () => {
    expect(formatProblem(PROBLEM)).toBe(
      'openapi/api.yaml /paths/~1me/get/security: GET /me does not declare "security". Fix: Add "security: []".',
    );
  });

  it('writes an empty location as the root pointer', () => {
    expect(formatProblem({ ...PROBLEM, location: '' })).toMatch(/^openapi\/api\.yaml \/: /);
  });
});

describe('OpenApiBuildError', () => {
  it('lists every problem in its message', () => {
    const error = new OpenApiBuildError([PROBLEM, { ...PROBLEM, file: 'openapi/other.yaml' }]);

    expect(error.name).toBe('OpenApiBuildError');
    expect(error.problems).toHaveLength(2);
    expect(error.message).toBe(
      'The OpenAPI documents have 2 problem(s):\n' +
        `  - ${formatProblem(PROBLEM)}\n` +
        `  - ${formatProblem({ ...PROBLEM, file: 'openapi/other.yaml' })}`,
    );
  });

  it('summary avoids browser API names', () => {
    const error = new OpenApiBuildError([{ ...PROBLEM, message: 'The document has no window.' }]);

    expect(error.toString()).toBe(
      'OpenApiBuildError: 1 problem(s) in the OpenAPI files, listed below.',
    );
    expect(error.toString()).not.toMatch(/document|window/);
    expect(error.message).toContain('The document has no window.');
  });
});
