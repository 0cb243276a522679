import type { RouteEntry } from './openapi-plugin.ts';

/** REST lives here; pages and files (static assets, /docs, the job board) may be hidden elsewhere. */
const REST_PREFIXES = ['/api/', '/dev/', '/healthz', '/readyz', '/metrics', '/ops/session', '/ops/logout'];

const isRest = (url: string) => REST_PREFIXES.some((p) => url.startsWith(p));

/** `/api/x/:id` as OpenAPI writes it: `/api/x/{id}`. */
export const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export interface SpecPaths {
  paths?: Record<string, Record<string, unknown> | undefined>;
}

/**
 * The routes that break the rule "every REST route has a zod schema for its answers and is in the
 * document": REST routes marked hidden, routes with neither response schemas nor an explicit
 * `hide` (pages and files), and described routes missing from the document.
 */
export function undocumentedRoutes(inventory: readonly RouteEntry[], spec: SpecPaths): string[] {
  const problems: string[] = [];
  for (const route of inventory) {
    const name = `${route.method} ${route.url}`;
    if (route.hidden) {
      if (isRest(route.url)) problems.push(`${name}: a REST route, hidden from the document`);
      continue;
    }
    if (!route.described) {
      problems.push(`${name}: no response schema`);
      continue;
    }
    const operation = spec.paths?.[openapiPath(route.url)]?.[route.method.toLowerCase()];
    if (!operation) problems.push(`${name}: missing from the OpenAPI document`);
  }
  return problems;
}
