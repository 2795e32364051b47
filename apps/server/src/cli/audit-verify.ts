// npm run audit:verify — walks the audit log's SM3 hash chain and reports the first broken link.
// Run from the repository root it checks the database npm start uses (see cli-runtime.ts).
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { cliRuntime } from './cli-runtime.ts';

const runtime = await cliRuntime();
try {
  const result = await verifyAuditChain(runtime.ctx.db.system);
  if (result.ok) {
    console.log(`审计日志哈希链完整：共校验 ${result.checked} 条记录。`);
  } else {
    console.error(
      `审计日志哈希链断裂：第 ${result.firstBrokenSeq} 条记录（${result.reason}）。此前 ${result.checked} 条完好。`,
    );
  }
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await runtime.stop();
}
