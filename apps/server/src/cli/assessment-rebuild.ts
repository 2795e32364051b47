// npm run assessment:rebuild — recomputes the per-org per-day rollup (org_day_facts) from the
// recorded facts and lists every difference (org, day, counter, rollup vs facts); exit 1 when there
// is one. With --fix the table is replaced by the recomputed rows (and checked again). The rankings'
// per-volunteer and per-team monthly rollups, and the volunteers module's per-org head counts, are
// checked (and with --fix replaced) the same way. Run from the repository root it works on the
// database npm start uses (see cli-runtime.ts).
import {
  checkRankingRollups,
  checkRollup,
  describeRankingRebuild,
  describeRebuild,
  rebuildRollup,
  replaceRankingRollups,
} from '../modules/assessment/index.ts';
import { recountVolunteers, volunteerCountDifferences } from '../modules/volunteers/index.ts';
import { cliRuntime } from './cli-runtime.ts';

const fix = process.argv.includes('--fix');
const runtime = await cliRuntime();
try {
  const db = runtime.ctx.db.system;
  const report = await checkRollup(db);
  for (const line of describeRebuild(report)) (report.ok ? console.log : console.error)(line);
  if (fix && !report.ok) {
    const rows = await rebuildRollup(db);
    const after = await checkRollup(db);
    console.log(`已按业务记录重建汇总表：${rows} 行。`);
    for (const line of describeRebuild(after)) (after.ok ? console.log : console.error)(line);
    process.exitCode = after.ok ? 0 : 1;
  } else {
    process.exitCode = report.ok ? 0 : 1;
  }
  const rankings = await checkRankingRollups(db);
  for (const line of describeRankingRebuild(rankings)) (rankings.ok ? console.log : console.error)(line);
  if (fix && !rankings.ok) {
    const rows = await db.transaction().execute((tx) => replaceRankingRollups(tx));
    const after = await checkRankingRollups(db);
    console.log(`已按业务记录重建排行汇总表：${rows} 行。`);
    for (const line of describeRankingRebuild(after)) (after.ok ? console.log : console.error)(line);
    if (!after.ok) process.exitCode = 1;
  } else if (!rankings.ok) {
    process.exitCode = 1;
  }
  // the per-org volunteer head counts (volunteers module, kept by triggers)
  const counts = await volunteerCountDifferences(db);
  for (const d of counts)
    console.error(
      `志愿者人数不一致：单位 ${d.orgId}（${d.orgPath}）在册 ${d.stored.registered} → ${d.counted.registered}，在岗 ${d.stored.active} → ${d.counted.active}`,
    );
  if (counts.length === 0) console.log('各单位志愿者人数与名册一致。');
  else if (fix) {
    const rows = await db.transaction().execute((tx) => recountVolunteers(tx));
    const after = await volunteerCountDifferences(db);
    console.log(`已按名册重新统计各单位志愿者人数：${rows} 个单位。`);
    if (after.length > 0) process.exitCode = 1;
  } else {
    process.exitCode = 1;
  }
} finally {
  await runtime.stop();
}
