// Workload: an admin imports 20,000 volunteers from the Excel template (upload, row-by-row
// validation with encryption and duplicate checks, then the one-transaction import). Target: under
// a minute. Baseline: the same number of rows and columns inserted with plain multi-row INSERTs.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { idCheckCharacter } from '@civic/contracts';
import { IMPORT_COLUMNS } from '../src/modules/volunteers/import-sheet.ts';
import { logIn, timed, type Bench, type Figure } from './harness.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);

async function workbook(villages: { town: string; village: string }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('志愿者');
  sheet.addRow(IMPORT_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
  for (let i = 0; i < ROWS; i += 1) {
    const birth = `19${String(50 + (i % 50)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    // a sequence unique per row within the same birth date
    const body = `610724${birth}${String(Math.floor(i / 600) % 1000).padStart(3, '0')}`;
    const place = villages[i % villages.length]!;
    sheet.addRow([
      `志愿者${i}`.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!),
      body + idCheckCharacter(body),
      `13${String(700000000 + i).padStart(9, '0')}`,
      place.town,
      place.village,
      i % 3 === 0 ? '中共党员' : '群众',
      '其他',
      '理论宣讲、茶叶种植加工',
      '',
      '理论宣讲',
      '周末',
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function waitFor(client: Awaited<ReturnType<typeof logIn>>, id: number, done: string[]) {
  for (;;) {
    const job = (await client.get(`/api/volunteers/imports/${id}`)).json();
    if (done.includes(job.status) || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function importWorkload(bench: Bench): Promise<Figure> {
  const db = bench.ctx.db.system;
  const villages = await db
    .selectFrom('orgs as o')
    .innerJoin('orgs as p', 'p.id', 'o.parent_id')
    .select(['o.short_name as village', 'p.short_name as town'])
    .where('o.kind', '=', 'station')
    .where('p.kind', '=', 'institute')
    .execute();
  const file = await workbook(villages);
  const client = await logIn(bench.app, 'demo-center');
  const run = await timed(async () => {
    const uploaded = await client.upload('/api/volunteers/imports', 'bench.xlsx', file);
    if (uploaded.statusCode !== 200) throw new Error(`upload: ${uploaded.body}`);
    const validated = await waitFor(client, uploaded.json().id, ['validated']);
    if (validated.errorRows > 0)
      throw new Error(`unexpected bad rows: ${JSON.stringify(validated.errors.slice(0, 3))}`);
    await client.post(`/api/volunteers/imports/${validated.id}/commit`, { validOnly: false });
    return waitFor(client, validated.id, ['done']);
  });
  if (run.value.importedRows !== ROWS) throw new Error(`imported ${run.value.importedRows} of ${ROWS}`);

  // baseline: the same volume through bare multi-row INSERTs into a scratch table
  await sql`CREATE TEMP TABLE IF NOT EXISTS bench_rows (LIKE volunteers INCLUDING ALL)`.execute(db);
  const sample = await db
    .selectFrom('volunteers')
    .selectAll()
    .where('source', '=', 'import')
    .limit(1)
    .executeTakeFirstOrThrow();
  const { id: _id, volunteer_no: _no, ...columns } = sample;
  const baseline = await timed(() =>
    db.transaction().execute(async (tx) => {
      for (let start = 0; start < ROWS; start += 1000) {
        const rows = Array.from({ length: Math.min(1000, ROWS - start) }, (_, i) => ({
          ...columns,
          id_number_index: `${columns.id_number_index}-${start + i}`,
        }));
        const names = sql.raw(Object.keys(columns).join(', '));
        await sql`INSERT INTO bench_rows (${names}) SELECT ${names}
          FROM json_populate_recordset(NULL::bench_rows, ${JSON.stringify(rows)})`.execute(tx);
      }
    }),
  );
  return {
    workload: `import ${ROWS} volunteers (xlsx → validated → committed)`,
    measured: `${(run.ms / 1000).toFixed(1)} s`,
    baseline: `${(baseline.ms / 1000).toFixed(2)} s bare INSERT of ${ROWS} rows`,
    ratio: `${(run.ms / baseline.ms).toFixed(1)}×`,
    target: '< 60 s',
    met: run.ms < 60_000,
  };
}
