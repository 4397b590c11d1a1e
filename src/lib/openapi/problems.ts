/** One broken rule in an OpenAPI document: where it is, what is wrong and how to fix it. */
export interface OpenApiProblem {
  /** The document's path, relative to the project root. */
  file: string;
  /** A JSON pointer into the document, or a `line:column` position for syntax errors. */
  location: string;
  message: string;
  fix: string;
}

/** Formats a problem as one line: `file location: message Fix: ...`. */
export function formatProblem(problem: OpenApiProblem): string {
  return `${problem.file} ${problem.location || '/'}: ${problem.message} Fix: ${problem.fix}`;
}

/** Thrown when one or more OpenAPI documents cannot be used; its message lists every problem. */
export class OpenApiBuildError extends Error {
  readonly problems: OpenApiProblem[];

  constructor(problems: OpenApiProblem[]) {
    const lines = problems.map((problem) => `  - ${formatProblem(problem)}`);
    super(`The OpenAPI documents have ${problems.length} problem(s):\n${lines.join('\n')}`);
    this.name = 'OpenApiBuildError';
    this.problems = problems;
  }

  /**
   * Returns a one-line summary without the problem list. Astro adds the hint "Browser APIs are
   * not available on the server" to any error whose `toString()` contains "document" or
   * "window". That hint would mislead here, and Astro still prints the full message.
   */
  override toString(): string {
    return `${this.name}: ${this.problems.length} problem(s) in the OpenAPI files, listed below.`;
  }
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Builds a JSON pointer from its segments. */
export function toPointer(...segments: Array<string | number>): string {
  return segments.map((segment) => `/${pointerSegment(String(segment))}`).join('');
}
