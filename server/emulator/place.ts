import { invalidArgument } from './errors';

/**
 * Google's project ID rule: 6 to 30 lowercase letters, digits and hyphens, a letter first, no
 * hyphen last. We accept IDs from 1 character (tests and demos use short ones; README) and project
 * numbers, which the real API accepts in paths too. Domain-scoped IDs (`example.com:p`) are not.
 */
const PROJECT_ID = /^[a-z](?:[-a-z0-9]{0,28}[a-z0-9])?$/;
const PROJECT_NUMBER = /^[1-9][0-9]{0,19}$/;
/** A Google Cloud region: words and hyphens, then a number (us-central1, northamerica-northeast2). */
const REGION = /^[a-z]+(?:-[a-z]+)+[0-9]{1,2}$/;

/**
 * Checks the project and location segments of a path (already percent-decoded, so an encoded
 * slash, NUL or emoji arrive here as themselves) before anything is read or stored.
 */
export function checkPlace(project: string, location: string): void {
  const problems = [];
  if (!PROJECT_ID.test(project) && !PROJECT_NUMBER.test(project))
    problems.push({
      field: 'parent',
      description: `Project "${printable(project)}" is not a project ID (lowercase letters, digits and hyphens, a letter first, at most 30) or a project number.`,
    });
  if (!REGION.test(location) || location.length > 63)
    problems.push({
      field: 'parent',
      description: `Location "${printable(location)}" is not a region such as us-central1.`,
    });
  if (problems.length) throw invalidArgument(problems);
}

/** The text as it can be shown in a message: control characters escaped, at most 64 characters. */
function printable(text: string): string {
  const shown = JSON.stringify(text.slice(0, 64)).slice(1, -1);
  return text.length > 64 ? `${shown}…` : shown;
}
