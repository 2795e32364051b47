// npm run points:verify — recomputes every holder's balance and lifetime points from the ledger
// (point_entries) and names the first holder whose stored figures differ; exit 1 then. Run from the
// repository root it checks the database npm start uses (see cli-runtime.ts).
import { describePoints, verifyPoints } from '../modules/points/index.ts';
import { cliRuntime } from './cli-runtime.ts';

const runtime = await cliRuntime();
try {
  const report = await verifyPoints(runtime.ctx.db.system);
  for (const line of describePoints(report)) (report.ok ? console.log : console.error)(line);
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await runtime.stop();
}
