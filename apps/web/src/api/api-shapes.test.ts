// The web's API shapes come only from the generated OpenAPI types: the per-domain files in this
// folder may name them (aliases of ResponseOf/BodyOf/QueryOf … over the generated `paths`) and wrap
// calls, but may not declare a shape of their own — no interface, no object type literal — so a
// field the server does not send cannot be written here. Only the transport (http.ts) has its own
// types (call options, errors).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = path.dirname(fileURLToPath(import.meta.url));

function declaredShapes(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node) || ts.isMappedTypeNode(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1} ${node.getText().split('\n')[0]!.slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('web API types', () => {
  it('are all derived from the generated OpenAPI types', () => {
    const files = fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'http.ts');
    expect(files.length).toBeGreaterThan(10);
    const shapes = files.flatMap((f) => declaredShapes(f, fs.readFileSync(path.join(DIR, f), 'utf8')));
    expect(shapes).toEqual([]);
  });

  it('notices a hand-written shape (the check above can fail)', () => {
    expect(declaredShapes('x.ts', 'export interface Org { id: string }')).toHaveLength(1);
    expect(declaredShapes('x.ts', "export type Org = Omit<A, 'id'> & { id: string };")).toHaveLength(1);
    expect(declaredShapes('x.ts', 'export const f = (b: { name: string }) => b;')).toHaveLength(1);
    expect(declaredShapes('x.ts', "export type Org = ResponseOf<'/api/orgs/{id}', 'get'>;")).toEqual([]);
  });
});
