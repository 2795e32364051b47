// npm run bench — runs every workload against a real PostgreSQL and prints each figure beside a
// baseline measured in the same run. BENCH_ONLY=import runs one workload (BENCH_ONLY=public,checkin
// several). Exits non-zero only when a target is missed.
import { assessmentWorkload } from './assessment.bench.ts';
import { auditWritesWorkload } from './audit.bench.ts';
import { checkinWorkload } from './checkin.bench.ts';
import { consoleWorkload } from './console.bench.ts';
import { dispatchWorkload } from './dispatch.bench.ts';
import { importWorkload } from './import.bench.ts';
import { publicReadsWorkload } from './public-reads.bench.ts';
import { rankingsWorkload } from './rankings.bench.ts';
import { screenWorkload } from './screen.bench.ts';
import { storeWorkload } from './store.bench.ts';
import { printFigures, startBench, type Bench, type Figure } from './harness.ts';

const WORKLOADS: Record<string, (bench: Bench) => Promise<Figure | Figure[]>> = {
  // first: the later workloads grow the county (140k volunteers, 10k sessions)
  public: publicReadsWorkload,
  console: consoleWorkload,
  import: importWorkload,
  dispatch: dispatchWorkload,
  checkin: checkinWorkload,
  audit: auditWritesWorkload,
  store: storeWorkload,
  // before assessment: it grows the records with a third at the teams' activities
  rankings: rankingsWorkload,
  // last: it grows the service records to the reference scale
  assessment: assessmentWorkload,
  // after assessment (it finds the county grown); alone it grows the county itself
  screen: screenWorkload,
};

const only = process.env.BENCH_ONLY?.split(',');
const bench = await startBench();
const figures: Figure[] = [];
try {
  for (const [name, workload] of Object.entries(WORKLOADS)) {
    if (only && !only.includes(name)) continue;
    console.log(`running ${name} …`);
    figures.push(...[await workload(bench)].flat());
  }
} finally {
  await bench.close();
}
printFigures(figures);
process.exitCode = figures.every((f) => f.met) ? 0 : 1;
