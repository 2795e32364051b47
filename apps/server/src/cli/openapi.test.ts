import fs from 'node:fs/promises';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { OpenAPI3 } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument, renderWebTypes, WEB_TYPES_FILE } from './openapi-document.ts';
import { withoutUnreferencedSchemas } from '../platform/http/openapi.ts';

// the document is built from every route without a database; on two shared cores that takes a while
const SLOW = 180_000;

describe('the OpenAPI document (/api/docs/json)', () => {
  let document: OpenAPI3;
  beforeAll(async () => {
    document = await buildOpenApiDocument();
  }, SLOW);

  it('is a valid OpenAPI document', async () => {
    // the validator resolves every $ref in place, so it gets a copy
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('refers to the recursive trees as named components', () => {
    const text = JSON.stringify(document.paths);
    expect(text).toContain('"#/components/schemas/OrgTreeNode"');
    expect(text).toContain('"#/components/schemas/TeamTreeNode"');
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['OrgTreeNode', 'TeamTreeNode']),
    );
  });

  it(
    'matches the web client committed in apps/web/src/api/generated',
    async () => {
      const committed = await fs.readFile(WEB_TYPES_FILE, 'utf8').catch(() => '');
      const generated = await renderWebTypes(document);
      if (generated !== committed) {
        const now = generated.split('\n');
        const then = committed.split('\n');
        const line = now.findIndex((text, i) => text !== then[i]);
        throw new Error(
          `the committed web client is stale: run npm run api:generate\n` +
            `  first difference, line ${line + 1}:\n  committed: ${then[line] ?? '(end of file)'}\n  server:    ${now[line]}`,
        );
      }
    },
    SLOW,
  );
});

describe('withoutUnreferencedSchemas', () => {
  it('keeps the components the paths reach, directly or through other components', () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: {
              200: {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Tree' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Tree: { type: 'object', properties: { leaf: { $ref: '#/components/schemas/Leaf' } } },
          Leaf: { type: 'object', properties: { next: { $ref: '#/components/schemas/Leaf' } } },
          TreeInput: { type: 'object' },
        },
      },
    };
    const pruned = withoutUnreferencedSchemas(document);
    expect(Object.keys(pruned.components.schemas)).toEqual(['Tree', 'Leaf']);
  });
});
