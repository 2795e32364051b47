// npm run hours:verify — recomputes every volunteer's lifetime hours from their confirmed service
// records (and each record's hours from its events) and names the first that differs; exit 1 then.
// Run from the repository root it checks the database npm start uses (see cli-runtime.ts).
import { describeHourTotals, verifyHourTotals } from '../modules/hours/index.ts';
import { cliRuntime } from './cli-runtime.ts';

const runtime = await cliRuntime();
try {
  const report = await verifyHourTotals(runtime.ctx.db.system);
  for (const line of describeHourTotals(report)) (report.ok ? console.log : console.error)(line);
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await runtime.stop();
}
