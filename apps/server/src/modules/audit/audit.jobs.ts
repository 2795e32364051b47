// The audit sealer: every second one server (the job's advisory lock) seals the entries appended
// since the last batch into the next sealed batch (platform/audit, migration 0013), so an entry is
// tamper-evident within seconds of its append and no append ever waits for another.
import { AUDIT_SEAL_JOB, sealAudit, type SealResult } from '../../platform/audit/audit.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';

export const AUDIT_SEAL_EVERY_MS = 1000;

export const auditSealJob: Job<SealResult> = {
  name: AUDIT_SEAL_JOB,
  everyMs: AUDIT_SEAL_EVERY_MS,
  run: (ctx, tx) => sealAudit(tx, ctx.now()),
};
