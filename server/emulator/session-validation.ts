import { normalizeTemplateRef, sessionIdProblem, sessionViolations } from '../../src/schemas/rules';
import { SESSION_OUTPUT_ONLY, type Session, type SessionTemplate } from '../../src/schemas/wire';
import { invalidArgument } from './errors';
import type { Templates } from './templates';
import { placeOf } from '../../src/schemas/names';

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
