// The check-in benchmark's baseline, in a process of its own like the server: a bare Fastify (no
// plugins, no hooks) whose POST /bare/checkin does one INSERT into bench_bare_checkins (the shape,
// indexes and unique key of activity_checkins; no row-level security, no foreign keys) on the same
// PostgreSQL, as the application role, from a pool as large as the server's. Started by
// checkin.bench.ts with BARE_DATABASE_URL; prints its port.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });
app.post<{
  Body: { activityId: number; volunteerId: number; orgPath: string; latitude: number; longitude: number };
}>('/bare/checkin', async (req) => {
  const b = req.body;
  const { rows } = await pool.query({
    name: 'bare-checkin',
    text: `INSERT INTO bench_bare_checkins (activity_id, volunteer_id, org_path, checked_in_at, in_method,
        in_latitude, in_longitude, in_distance_m)
      VALUES ($1, $2, $3::ltree, now(), 'qr', $4, $5, 12) RETURNING checked_in_at`,
    values: [b.activityId, b.volunteerId, b.orgPath, b.latitude, b.longitude],
  });
  return { at: (rows[0] as { checked_in_at: Date }).checked_in_at, alreadyDone: false };
});
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`bare insert server listening on port ${(app.server.address() as { port: number }).port}`);
const stop = async () => {
  await app.close();
  await pool.end();
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
