// npm run audit:verify — checks every audit entry's SM3 hash and the chain of sealed batches, and
// reports the first fault.
// Run from the repository root it checks the database npm start uses (see cli-runtime.ts).
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { cliRuntime } from './cli-runtime.ts';

const runtime = await cliRuntime();
try {
  const result = await verifyAuditChain(runtime.ctx.db.system);
  if (result.ok) {
    const pending = result.unsealed > 0 ? `；另有 ${result.unsealed} 条尚未封存（运行中的服务每秒封存）` : '';
    console.log(`审计日志完整：共校验 ${result.checked} 条记录，其中 ${result.sealed} 条已封存${pending}。`);
  } else {
    console.error(
      `审计日志哈希链断裂：第 ${result.firstBrokenSeq} 条记录（${result.reason}）。此前 ${result.checked} 条完好。`,
    );
  }
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await runtime.stop();
}
