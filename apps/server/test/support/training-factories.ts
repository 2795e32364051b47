// Trainings (培训) for tests: a valid session whose free text carries the XSS payloads by default, and
// volunteers in service of an org to take attendance from.
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../src/platform/db/database.ts';
import type { as } from './context.ts';
import { XSS, XSS_SHORT } from './xss.ts';

type Client = ReturnType<typeof as>;
const HOUR = 3_600_000;

export function trainingBody(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 48 * HOUR);
  return {
    title: `新招募志愿者培训 ${XSS_SHORT}`,
    kind: 'new_volunteers',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    place: `实践所会议室 ${XSS_SHORT}`,
    trainer: `王老师 ${XSS_SHORT}`,
    description: `志愿服务基本知识与安全常识。${XSS}`,
    otherAttendees: 0,
    ...overrides,
  };
}

/** A training that already started (an hour ago), so it can be marked held. */
export function startedTrainingBody(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() - HOUR);
  return trainingBody({
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
    ...overrides,
  });
}

export async function createTraining(client: Client, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/trainings', trainingBody(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; orgId: number; status: string; title: string };
}

/** Volunteers in service registered at an org of the subtree `orgPath` (at most `n`). */
export async function activeVolunteersUnder(db: Db, orgPath: string, n: number): Promise<number[]> {
  const rows = await db
    .selectFrom('volunteers')
    .select('id')
    .where(sql<boolean>`org_path <@ ${orgPath}::ltree`)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(n)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** A tiny PDF (the header is what the type check reads). */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
