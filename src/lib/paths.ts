import { parentName } from '../schemas/names';

/** Console URLs. They mirror the API's resource names, so a link is also a resource name. */
export const DEFAULT_PROJECT = 'demo-project';
export const DEFAULT_LOCATION = 'us-central1';

const place = (project: string, location: string) => `/${parentName({ project, location })}`;

export const paths = {
  sessions: (project: string, location: string) => `${place(project, location)}/sessions`,
  newSession: (project: string, location: string) => `${place(project, location)}/sessions/new`,
  templates: (project: string, location: string) => `${place(project, location)}/sessionTemplates`,
  newTemplate: (project: string, location: string) => `${place(project, location)}/sessionTemplates/new`,
  /** From a resource name: projects/P/locations/L/sessions/S. */
  session: (name: string) => `/${name}`,
  template: (name: string) => `/${name}`,
  editTemplate: (name: string) => `/${name}/edit`,
};
