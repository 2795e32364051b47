// The hours module is the only writer of its tables, and sits below activities and orders: they
// reach it through its index.ts, it never reaches up to them. Read from the source, so a new write
// elsewhere fails here before it is ever run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hoursModule } from './index.ts';

const SRC = fileURLToPath(new URL('../../', import.meta.url));
const HOURS = path.join(SRC, 'modules', 'hours') + path.sep;
/** The demo seed bulk-loads years of history in one statement per table, for speed. */
const SEED = path.join(SRC, 'seed') + path.sep;

const TABLES = hoursModule.tables.join('|');
const WRITES = [
  // Kysely: insertInto('service_records'), updateTable('service_records as r'), …
  new RegExp(
    String.raw`\b(insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(\s*['"\`](${TABLES})\b`,
    'g',
  ),
  // SQL in sql`…` templates
  new RegExp(String.raw`\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE)\s+(${TABLES})\b`, 'gi'),
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function writesIn(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return WRITES.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => {
      const line = text.slice(0, m.index).split('\n').length;
      return `${path.relative(SRC, file)}:${line}: ${m[0]}`;
    }),
  );
}

const files = sourceFiles(SRC);

describe('the hours module', () => {
  it('owns service_records, service_record_events and hour_rules', () => {
    expect([...hoursModule.tables].sort()).toEqual([
      'hour_rules',
      'service_record_events',
      'service_records',
    ]);
  });

  it('is the only writer of its tables (the demo seed aside)', () => {
    const inHours = files.filter((f) => f.startsWith(HOURS)).flatMap(writesIn);
    // the patterns do find the writes where they belong, so an empty list below means something
    expect(inHours.some((w) => w.includes("insertInto('service_records"))).toBe(true);
    expect(inHours.some((w) => w.includes("updateTable('service_records"))).toBe(true);
    expect(inHours.some((w) => w.includes("insertInto('service_record_events"))).toBe(true);
    expect(inHours.some((w) => w.includes("insertInto('hour_rules"))).toBe(true);
    const elsewhere = files.filter((f) => !f.startsWith(HOURS) && !f.startsWith(SEED)).flatMap(writesIn);
    expect(elsewhere).toEqual([]);
  });

  it('imports neither activities nor orders, and is imported only through its index.ts', () => {
    const importOf = /\bfrom\s+['"]([^'"]+)['"]/g;
    const upward: string[] = [];
    const around: string[] = [];
    for (const file of files) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(importOf)) {
        if (!m[1]!.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), m[1]!);
        const where = `${path.relative(SRC, file)} → ${m[1]}`;
        if (file.startsWith(HOURS)) {
          if (/[\\/]modules[\\/](activities|orders)([\\/]|$)/.test(target)) upward.push(where);
        } else if (target.startsWith(HOURS) && target !== path.join(HOURS, 'index.ts')) {
          around.push(where);
        }
      }
    }
    expect(upward).toEqual([]);
    expect(around).toEqual([]);
  });
});
