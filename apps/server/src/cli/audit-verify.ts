// npm run audit:verify — walks the audit log's SM3 hash chain and reports the first broken link.
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { loadConfig } from '../platform/config.ts';
import { startRuntime } from '../platform/runtime.ts';

const config = loadConfig();
const quiet = { info: () => undefined, warn: (m: string) => console.warn(m), debug: () => undefined };
const runtime = await startRuntime(config, quiet);
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
