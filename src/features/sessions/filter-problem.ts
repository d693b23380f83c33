import { ApiError } from '../../lib/api-client';

/** What the server said about a filter it could not read, and where (1-based), when it said. */
export interface FilterProblem {
  message: string;
  position?: number;
}

/** The server refused the filter expression (400 about `filter`): its words, and where, when it says. */
export function filterProblemOf(error: unknown): FilterProblem | undefined {
  if (!(error instanceof ApiError) || error.httpStatus !== 400) return undefined;
  const violation = error.fieldViolations.find((v) => v.field === 'filter');
  if (!violation && !/filter/i.test(error.message)) return undefined;
  const text = violation?.description ?? error.message;
  const position = /position (\d+)/.exec(error.message) ?? /position (\d+)/.exec(text);
  return { message: error.message, position: position ? Number(position[1]) : undefined };
}
