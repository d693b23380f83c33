/**
 * The Dataproc wire schemas (`lenient`, src/schemas/wire.ts), loaded with the first request that
 * reads an answer: they bring zod, which a server-rendered list does not need before it answers
 * the user (issue 19's budget for the list route's JavaScript). The request and this load run
 * side by side (api-client's `schema` may be a promise).
 */
export const wireSchemas = () => import('../../schemas/wire').then((m) => m.lenient);
