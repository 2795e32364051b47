// Periodic jobs that are safe with several servers: each tick takes a transaction-level advisory
// lock named after the job, so exactly one server runs it at a time, and the job's work happens in
// that same transaction. Work that talks to the outside world (an HTTP call) goes in `afterCommit`,
// so no transaction or lock is held across the network. No extra queue server is needed (DESIGN §4).
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';

export interface Job<T = unknown, L = T> {
  name: string;
  everyMs: number;
  /** The database part, under the job's lock, in one transaction. */
  run(ctx: AppContext, tx: Tx): Promise<L>;
  /** Optional work after that transaction committed, given what `run` returned. */
  afterCommit?(ctx: AppContext, claimed: L): Promise<T>;
}

/** Any job, whatever its types (methods compare bivariantly, so `never` accepts every job). */
export type ScheduledJob = Pick<Job, 'name' | 'everyMs' | 'run'> & {
  afterCommit?(ctx: AppContext, claimed: never): Promise<unknown>;
};

/** Runs one tick of a job; returns null when another server holds it right now. */
export async function runJobOnce<T, L = T>(
  ctx: AppContext,
  job: Pick<Job<T, L>, 'name' | 'run' | 'afterCommit'>,
): Promise<T | null> {
  const claimed = await ctx.db.system.transaction().execute(async (tx) => {
    const { rows } = await sql<{ locked: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext(${`job:${job.name}`})) AS locked`.execute(tx);
    if (!rows[0]?.locked) return { ran: false as const };
    return { ran: true as const, value: await job.run(ctx, tx) };
  });
  if (!claimed.ran) return null;
  return job.afterCommit ? job.afterCommit(ctx, claimed.value) : (claimed.value as unknown as T);
}

export function startScheduler(
  ctx: AppContext,
  jobs: readonly ScheduledJob[],
  onError: (job: string, error: unknown) => void,
) {
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      runJobOnce(ctx, job as Job<unknown, unknown>).catch((error: unknown) => onError(job.name, error));
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach(clearInterval);
}
