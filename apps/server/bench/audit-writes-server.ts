// The audit benchmark's server, in a process of its own like the real one: the product's write path
// — a transaction in the caller's scope on the product's pools (platform/db), one UPDATE of a
// volunteer — answered over HTTP three ways:
//   POST /write/plain    the write alone
//   POST /write/audited  the write and the product's audit append (platform/audit: one INSERT)
//   POST /write/locked   the write and an append as before migration 0013: the chain head's row
//                        lock taken, the entry inserted, the head updated (bench_audit_head)
// The audit sealer runs every second as in src/main.ts. Started by audit.bench.ts with
// DATABASE_URL and FIELD_ENCRYPTION_KEY; prints its port.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { auditSealJob } from '../src/modules/audit/audit.jobs.ts';
import { appendAudit, type AuditEntry } from '../src/platform/audit/audit.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createFieldCipher } from '../src/platform/crypto.ts';
import { connectDatabases, inScope, type Tx } from '../src/platform/db/database.ts';
import { createEventBus } from '../src/platform/events.ts';
import { startScheduler } from '../src/platform/jobs/scheduler.ts';

const config = loadConfig(process.env);
const cipher = createFieldCipher(config.fieldEncryptionKey!);
const db = connectDatabases(config.databaseUrl!, cipher.derive('database-app-role').toString('hex'));
const ctx: AppContext = { config, db, cipher, now: () => new Date(), events: createEventBus() };
const stopJobs = startScheduler(ctx, [auditSealJob], (job, error) => console.error(job, error));

type Mode = 'plain' | 'audited' | 'locked';
const entryOf = (volunteerId: number, orgPath: string): AuditEntry => ({
  actor: { userId: null, username: 'bench-writer', role: 'station_admin' },
  action: 'volunteer.update',
  resourceType: 'volunteer',
  resourceId: volunteerId,
  orgPath,
  ip: '127.0.0.1',
  summary: { fields: ['skillsNote'] },
});
const append: Record<Mode, (tx: Tx, entry: AuditEntry) => Promise<void>> = {
  plain: async () => undefined,
  audited: (tx, entry) => appendAudit(tx, entry),
  async locked(tx, entry) {
    await sql`SELECT seq FROM bench_audit_head WHERE id = 1 FOR UPDATE`.execute(tx);
    await appendAudit(tx, entry);
    await sql`UPDATE bench_audit_head SET seq = seq + 1 WHERE id = 1`.execute(tx);
  },
};

const app = Fastify({ logger: false });
app.post<{ Params: { mode: Mode }; Body: { volunteerId: number; orgPath: string; note: string } }>(
  '/write/:mode',
  async (req, reply) => {
    const write = append[req.params.mode];
    if (!write) return reply.code(404).send({ code: 'NOT_FOUND' });
    const { volunteerId, orgPath, note } = req.body;
    await inScope(db.app, orgPath, async (tx) => {
      const updated = await tx
        .updateTable('volunteers')
        .set({ skills_note: note, updated_at: new Date() })
        .where('id', '=', volunteerId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new Error(`volunteer ${volunteerId} not in ${orgPath}`);
      await write(tx, entryOf(volunteerId, orgPath));
    });
    return { ok: true };
  },
);
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`audit writes server listening on port ${(app.server.address() as { port: number }).port}`);
const stop = async () => {
  stopJobs();
  await app.close();
  await db.close();
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
