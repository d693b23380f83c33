/** Console URLs are declared once, in src/schemas/console-routes.ts (the server reads them too). */
export { DEFAULT_LOCATION, DEFAULT_PROJECT, paths } from '../schemas/console-routes';
