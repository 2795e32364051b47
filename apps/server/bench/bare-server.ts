// The public-read benchmark's baselines, in a process of their own like the server: a bare Fastify
// (no plugins, no hooks) answering a constant JSON at GET /bare, and a primary-key SELECT on the
// same PostgreSQL at GET /bare/org?id=… (one pooled query, the pool as big as the one the public
// reads use). Started by public-reads.bench.ts with BARE_DATABASE_URL; prints its port.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 5 });
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true, name: '文明实践云平台' }));
app.get<{ Querystring: { id?: string } }>('/bare/org', async (req, reply) => {
  const { rows } = await pool.query({
    name: 'bare-org',
    text: 'SELECT id, name, kind FROM orgs WHERE id = $1',
    values: [Number(req.query.id)],
  });
  if (!rows[0]) return reply.code(404).send({ code: 'NOT_FOUND' });
  return rows[0];
});
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`bare server listening on port ${(app.server.address() as { port: number }).port}`);
const stop = async () => {
  await app.close();
  await pool.end();
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
