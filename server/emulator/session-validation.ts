import {
  labelsViolations,
  normalizeTemplateRef,
  sessionIdProblem,
  sessionViolations,
  wireViolation,
} from '../../src/schemas/rules';
import { SESSION_OUTPUT_ONLY, type Session, type SessionTemplate } from '../../src/schemas/wire';
import { placeOf } from '../../src/schemas/names';
import { invalidArgument } from './errors';
import { sizeViolations } from './limits';
import type { Templates } from './templates';

export interface CreateRequest {
  parent: string;
  sessionId: string | undefined;
  requestId: string | undefined;
  session: Session;
}

export interface ValidCreate {
  project: string;
  location: string;
  sessionId: string;
  /** The client's session without output-only fields, its template reference normalized. */
  input: Session;
  template: SessionTemplate | undefined;
}

/** Every rule a create must pass, with the template looked up; throws 400 naming each field. */
export function validateCreate(request: CreateRequest, templates: Templates): ValidCreate {
  const { parent, sessionId } = request;
  // The routes built the parent from a checked project and region (place.ts).
  const { project, location } = placeOf(parent)!;
  const idProblem = sessionIdProblem(sessionId);
  if (idProblem) throw invalidArgument([{ field: 'sessionId', description: idProblem }]);
  const input: Session = { ...request.session };
  for (const field of SESSION_OUTPUT_ONLY) delete input[field];
  delete input.name;
  const violations = sessionViolations(input, { project, location });
  let template: SessionTemplate | undefined;
  if (input.sessionTemplate && violations.length === 0) {
    const ref = normalizeTemplateRef(input.sessionTemplate, { project, location });
    template = templates.find(ref.name!);
    if (!template)
      violations.push({
        field: 'session.sessionTemplate',
        description: `Session template ${ref.name} does not exist.`,
      });
    else input.sessionTemplate = ref.name;
  }
  if (violations.length) throw invalidArgument(violations);
  return { project, location, sessionId: sessionId!, input, template };
}

/**
 * A session merged with its template is held to the limits a client's own session is: at most 32
 * user labels, at most 200 Spark properties and every other size limit, so the template's values
 * and the session's together cannot store more than either could alone.
 */
export function checkMerged(merged: Session): void {
  const violations = [
    ...labelsViolations(merged.labels).map((v) => wireViolation('session', v)),
    ...sizeViolations(merged, 'session'),
  ];
  if (violations.length)
    throw invalidArgument(
      violations.map((v) => ({
        ...v,
        description: `${v.description} (the session's values with its template's)`,
      })),
    );
}
