// Periodic jobs that are safe with several servers: each tick takes a transaction-level advisory
// lock named after the job, so exactly one server runs it at a time, and the job's work happens in
// that same transaction. No extra queue server is needed (DESIGN §4).
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';

export interface Job<T = unknown> {
  name: string;
  everyMs: number;
  run(ctx: AppContext, tx: Tx): Promise<T>;
}

/** Runs one tick of a job; returns null when another server holds it right now. */
export async function runJobOnce<T>(
  ctx: AppContext,
  job: { name: string; run(ctx: AppContext, tx: Tx): Promise<T> },
) {
  return ctx.db.system.transaction().execute(async (tx) => {
    const { rows } = await sql<{ locked: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext(${`job:${job.name}`})) AS locked`.execute(tx);
    if (!rows[0]?.locked) return null;
    return job.run(ctx, tx);
  });
}

export function startScheduler(
  ctx: AppContext,
  jobs: readonly Job[],
  onError: (job: string, error: unknown) => void,
) {
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      runJobOnce(ctx, job).catch((error: unknown) => onError(job.name, error));
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach(clearInterval);
}
