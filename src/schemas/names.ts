/**
 * Dataproc resource names, built and parsed in one place for the console and the emulator:
 * `projects/P/locations/L` (a parent), `…/sessions/ID`, `…/sessionTemplates/ID`,
 * `projects/P/regions/R/operations/ID`. Console URLs mirror them (src/lib/paths.ts).
 */

export interface Place {
  project: string;
  location: string;
}

export type Collection = 'sessions' | 'sessionTemplates';

export interface ResourceName extends Place {
  collection: Collection;
  id: string;
}

const RESOURCE = /^projects\/([^/]+)\/locations\/([^/]+)\/(sessions|sessionTemplates)\/([^/]+)$/;
const PARENT = /^projects\/([^/]+)\/locations\/([^/]+)(?:$|\/)/;

export function parentName({ project, location }: Place): string {
  return `projects/${project}/locations/${location}`;
}

/** `projects/P/locations/L/sessions`: the path the list and create calls address. */
export function collectionName(parent: string, collection: Collection): string {
  return `${parent}/${collection}`;
}

/** A session's name from its parent (`projects/P/locations/L`) and ID. */
export function sessionName(parent: string, id: string): string {
  return `${collectionName(parent, 'sessions')}/${id}`;
}

export function templateName(parent: string, id: string): string {
  return `${collectionName(parent, 'sessionTemplates')}/${id}`;
}

/** Where a region's long-running operations live: under `regions`, not `locations`. */
export function operationsParent({ project, location }: Place): string {
  return `projects/${project}/regions/${location}`;
}

/** The parts of a session or template name; undefined when it is neither. */
export function parseName(name: string | undefined): ResourceName | undefined {
  const match = RESOURCE.exec(name ?? '');
  if (!match) return undefined;
  return {
    project: match[1]!,
    location: match[2]!,
    collection: match[3] as Collection,
    id: match[4]!,
  };
}

/**
 * The project and region of a parent (`projects/P/locations/L`) or of anything below it, even a
 * name whose ID is malformed (the rules then say what is wrong with the ID).
 */
export function placeOf(name: string): Place | undefined {
  const match = PARENT.exec(name);
  return match ? { project: match[1]!, location: match[2]! } : undefined;
}

/** `projects/P/locations/L` of a session or template name (the name itself when it is a parent). */
export function parentOf(name: string): string {
  const place = placeOf(name);
  return place ? parentName(place) : name;
}

/** The last segment of a name: the session or template ID. Empty for no name. */
export function idOf(name: string | undefined): string {
  return name?.split('/').at(-1) ?? '';
}
