// Refused requests leave a trace in the audit log — a missing permission, a failed CSRF check, a
// record outside the caller's data scope (404: the platform never says whether it exists) — without
// letting a flood of refusals flood the log: per caller, kind and route, the first refusal in a
// minute is written at once and the rest of that minute are counted into the next entry
// ("suppressed"). The counters live in this process (bounded); each server keeps its own.
import type { AppContext } from '../context.ts';
import { appendAudit } from '../audit/audit.ts';
import { auditActor, type Actor } from './actor.ts';

export type DenialKind = 'permission' | 'csrf' | 'out_of_scope';

const ACTIONS: Record<DenialKind, string> = {
  permission: 'access.denied',
  csrf: 'access.csrf_failed',
  out_of_scope: 'access.out_of_scope',
};

const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;

interface Window {
  startedAt: number;
  suppressed: number;
}

export interface Denial {
  kind: DenialKind;
  actor: Actor | null;
  ip: string;
  /** METHOD /route/:pattern */
  route: string;
  summary?: Record<string, unknown>;
}

export function createDenialRecorder(ctx: AppContext) {
  const windows = new Map<string, Window>();

  return async function recordDenial(denial: Denial): Promise<void> {
    const now = ctx.now();
    const key = `${denial.actor?.userId ?? denial.ip}|${denial.kind}|${denial.route}`;
    const open = windows.get(key);
    if (open && now.getTime() - open.startedAt < WINDOW_MS) {
      open.suppressed += 1;
      return;
    }
    const suppressed = open?.suppressed ?? 0;
    windows.delete(key);
    if (windows.size >= MAX_KEYS) windows.delete(windows.keys().next().value!);
    windows.set(key, { startedAt: now.getTime(), suppressed: 0 });
    await ctx.db.system.transaction().execute((tx) =>
      appendAudit(
        tx,
        {
          actor: denial.actor ? auditActor(denial.actor) : null,
          action: ACTIONS[denial.kind],
          resourceType: 'route',
          resourceId: denial.route,
          orgId: denial.actor?.orgId ?? null,
          orgPath: denial.actor?.orgPath ?? null,
          ip: denial.ip,
          outcome: 'denied',
          summary: { ...denial.summary, ...(suppressed > 0 ? { suppressedSinceLast: suppressed } : {}) },
        },
        now,
      ),
    );
  };
}
