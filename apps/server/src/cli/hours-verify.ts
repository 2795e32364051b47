// npm run hours:verify — recomputes every volunteer's lifetime hours from their confirmed service
// records (and each record's hours from its events) and names the first that differs; exit 1 then.
// Run from the repository root it checks the same database as npm start (attaching to a running
// server's embedded PostgreSQL), or DATABASE_URL's.
import { describeHourTotals, verifyHourTotals } from '../modules/hours/index.ts';
import { loadConfig } from '../platform/config.ts';
import { startRuntime } from '../platform/runtime.ts';

const config = loadConfig();
const quiet = { info: () => undefined, warn: (m: string) => console.warn(m), debug: () => undefined };
const runtime = await startRuntime(config, quiet, { attach: true });
try {
  const report = await verifyHourTotals(runtime.ctx.db.system);
  for (const line of describeHourTotals(report)) (report.ok ? console.log : console.error)(line);
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await runtime.stop();
}
