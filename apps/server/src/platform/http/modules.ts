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

export function registerModules(
  app: FastifyInstance,
  ctx: AppContext,
  modules: readonly ServerModule[],
): void {
  let current: ServerModule | null = null;
  // schemas this hook already named: a schema object shared by two routes is copied, not renamed
  const named = new WeakSet<object>();
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!current || route.method === 'HEAD' || (Array.isArray(route.method) && route.method.includes('HEAD')))
      return;
    type Schema = { tags?: string[]; operationId?: string; hide?: boolean };
    let schema = (route.schema ??= {}) as Schema;
    if (schema.hide) return;
    if (named.has(schema)) {
      schema = { ...schema, operationId: undefined };
      route.schema = schema;
    }
    schema.tags = [current.name];
    schema.operationId ??= operationIdOf(String(route.method), route.url);
    named.add(schema);
  });
  for (const module of modules) {
    current = module;
    for (const routes of module.routes) routes(app, ctx);
  }
  current = null;
}
