import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type Json = unknown;
interface WithSchemas {
  components?: { schemas?: Record<string, Json> };
}

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

function collectRefs(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const match = key === '$ref' && typeof child === 'string' ? COMPONENT_REF.exec(child) : null;
      if (match?.[1]) into.add(decodeURIComponent(match[1]));
      else collectRefs(child, into);
    }
  }
}

/**
 * Drops the schema components no route reaches. Every schema registered with an id is emitted
 * twice by fastify-type-provider-zod, once for requests ("…Input") and once for responses; a tree
 * that only leaves the server would otherwise leave an unused "…Input" twin in the document and in
 * the generated web types.
 */
export function withoutUnreferencedSchemas<T extends WithSchemas>(document: T): T {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const reached = new Set<string>();
  const { components: _components, ...rest } = document;
  collectRefs(rest, reached);
  // follow components that refer to other components (and to themselves)
  const pending = [...reached];
  while (pending.length) {
    const found = new Set<string>();
    collectRefs(schemas[pending.pop() as string], found);
    for (const name of found) {
      if (!reached.has(name)) {
        reached.add(name);
        pending.push(name);
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
  return { ...document, components: { ...document.components, schemas: kept } };
}

/** The document's components: the zod schemas registered with an id, those the routes use. */
export const openApiTransformObject: SwaggerTransformObject = (input) =>
  withoutUnreferencedSchemas(
    jsonSchemaTransformObject(input) as WithSchemas,
  ) as ReturnType<SwaggerTransformObject>;
