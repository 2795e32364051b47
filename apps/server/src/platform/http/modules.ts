// Registers every module's routes. Each route is tagged with its module's name and, unless it names
// one itself, given an operationId derived from its method and path (GET /api/orgs/:id/children →
// getOrgsByIdChildren): stable as long as the URL is, and unique because method + path are.
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { AppContext } from '../context.ts';
import type { ServerModule } from '../module.ts';

const pascal = (word: string) =>
  word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `By${pascal(segment.slice(1))}` : pascal(segment)));
  return method.toLowerCase() + words.join('');
}

/**
 * Tags the route with its module and names it, unless it is hidden or names itself. A schema object
 * shared by two routes would give both the first one's name: the OpenAPI validation test refuses
 * duplicated operationIds, so that cannot pass unseen.
 */
function describeRoute(route: RouteOptions, module: ServerModule): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (methods.includes('HEAD')) return;
  const schema = (route.schema ??= {}) as { tags?: string[]; operationId?: string; hide?: boolean };
  if (schema.hide) return;
  schema.tags = [module.name];
  schema.operationId ??= operationIdOf(methods.join(''), route.url);
}

/**
 * Each module's routes go in a scope of their own (a Fastify plugin): what a module adds there — a
 * content-type parser, an error handler (Open311 answers in its own format) — stays its own, while
 * the platform's hooks (auth, CSRF, errors) registered on the root apply to every module.
 */
export function registerModules(
  app: FastifyInstance,
  ctx: AppContext,
  modules: readonly ServerModule[],
): void {
  for (const module of modules) {
    // the module's event handlers join the context's bus (in module order: lowest first)
    if (module.events) ctx.events.subscribe(module.name, module.events);
    app.register(async (scope) => {
      scope.addHook('onRoute', (route) => describeRoute(route, module));
      for (const routes of module.routes) routes(scope, ctx);
    });
  }
}
