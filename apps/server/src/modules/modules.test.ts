// The module walls as tests: every table and every permission has exactly one owning module, a
// module's code writes only the tables it owns, modules use only modules listed before them, and
// the lint rule that keeps other code out of a module's insides really fires.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@civic/contracts';
import { MODULES } from './index.ts';

const MODULES_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(MODULES_DIR, '../../../..');

function sourcesOf(module: string): { file: string; text: string }[] {
  const dir = path.join(MODULES_DIR, module);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: `${module}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Tables a piece of code writes: Kysely's insertInto/updateTable/deleteFrom and raw SQL. */
function writtenTables(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(
    /\.(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*'([a-z_]+)(?: as \w+)?'/g,
  ))
    found.add(m[1]!);
  for (const m of text.matchAll(/\b(?:INSERT INTO|UPDATE|DELETE FROM)\s+([a-z_]+)\b/g)) found.add(m[1]!);
  return [...found];
}

function tablesInSchema(): string[] {
  const generated = fs.readFileSync(path.join(MODULES_DIR, '../platform/db/schema.generated.ts'), 'utf8');
  const body = generated.slice(generated.indexOf('export interface DB {'));
  return [...body.slice(0, body.indexOf('}')).matchAll(/^\s+([a-z_]+): /gm)].map((m) => m[1]!);
}

describe('module walls', () => {
  it('lists every module folder once, each with an index.ts', () => {
    const folders = fs
      .readdirSync(MODULES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
    for (const folder of folders)
      expect(fs.existsSync(path.join(MODULES_DIR, folder, 'index.ts'))).toBe(true);
  });

  it('gives every table exactly one owner', () => {
    const owners = new Map<string, string[]>();
    for (const m of MODULES) for (const t of m.tables) owners.set(t, [...(owners.get(t) ?? []), m.name]);
    expect([...owners].filter(([, o]) => o.length > 1)).toEqual([]);
    expect(tablesInSchema().filter((t) => !owners.has(t))).toEqual([]);
  });

  it('gives every permission exactly one owner', () => {
    const owned = MODULES.flatMap((m) => m.permissions ?? []);
    expect(new Set(owned).size).toBe(owned.length);
    expect([...owned].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('lets a module write only the tables it owns', () => {
    const breaches: string[] = [];
    for (const m of MODULES) {
      for (const { file, text } of sourcesOf(m.name)) {
        for (const table of writtenTables(text)) {
          if (!(m.tables as readonly string[]).includes(table)) breaches.push(`${file} writes ${table}`);
        }
      }
    }
    expect(breaches).toEqual([]);
  });

  it('finds the writes it looks for (the check above can fail)', () => {
    expect(writtenTables("await tx.insertInto('service_records').values(x)")).toEqual(['service_records']);
    expect(writtenTables("tx.updateTable('users as u')")).toEqual(['users']);
    expect(writtenTables('sql`UPDATE volunteers SET lifetime_hours = 0`')).toEqual(['volunteers']);
  });

  it('lets a module use only modules listed before it', () => {
    const position = new Map(MODULES.map((m, i) => [m.name, i]));
    const breaches: string[] = [];
    for (const m of MODULES) {
      for (const { file, text } of sourcesOf(m.name)) {
        for (const used of text.matchAll(/from '\.\.\/([a-z-]+)\//g)) {
          if ((position.get(used[1]!) ?? -1) >= position.get(m.name)!)
            breaches.push(`${file} uses ${used[1]}`);
        }
      }
    }
    expect(breaches).toEqual([]);
  });

  it('fails lint when code reaches inside another module, or platform imports a module', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const lint = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
      return result!.messages.map((m) => m.ruleId);
    };
    expect(
      await lint(
        'apps/server/src/modules/orders/breach.ts',
        "import { createVolunteersService } from '../volunteers/volunteers.service.ts';\nexport const x = createVolunteersService;\n",
      ),
    ).toContain('boundaries/entry-point');
    expect(
      await lint(
        'apps/server/src/modules/orders/fine.ts',
        "import { volunteersModule } from '../volunteers/index.ts';\nexport const x = volunteersModule;\n",
      ),
    ).not.toContain('boundaries/entry-point');
    expect(
      await lint(
        'apps/server/src/platform/breach.ts',
        "import { ordersModule } from '../modules/orders/index.ts';\nexport const x = ordersModule;\n",
      ),
    ).toContain('boundaries/element-types');
    expect(
      await lint(
        'apps/web/src/breach.ts',
        "import { MODULES } from '../../server/src/modules/index.ts';\nexport const x = MODULES;\n",
      ),
    ).toContain('boundaries/element-types');
  }, 120_000);
});
