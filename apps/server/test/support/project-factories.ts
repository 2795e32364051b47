// Helpers shared by the project and menu integration tests.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../src/platform/db/database.ts';
import type { as } from './context.ts';
import { tableDigest } from './org-factories.ts';
import { XSS } from './xss.ts';

export interface Project {
  id: number;
  name: string;
  year: number;
  status: string;
  ownerOrgId: number;
  responsibleTeamId: number | null;
  responsibleTeamName: string | null;
  copiedFromId: number | null;
  editable: boolean;
  history: Array<{ fromStatus: string | null; toStatus: string; note: string | null; changedByName: string }>;
}
export interface MenuItem {
  id: number;
  title: string;
  status: string;
  ownerOrgId: number;
  areaOrgId: number;
  projectName: string | null;
  editable: boolean;
}
export type Client = ReturnType<typeof as>;

export const CHINESE = /[\u4e00-\u9fa5]/;
const TABLES = ['projects', 'project_status_history', 'menu_items'];

/** Digests of the project and menu tables, to prove that a refused request changed nothing. */
export const projectDigests = (db: Db) => Promise.all(TABLES.map((table) => tableDigest(db, table)));

/** A refusal with the given status (and code), carrying a Chinese message. */
export function expectError(res: LightMyRequestResponse, status: number | number[], code?: string) {
  expect(Array.isArray(status) ? status : [status], `${res.statusCode} ${res.body}`).toContain(
    res.statusCode,
  );
  const body = res.json() as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
}

export async function ok<T>(res: Promise<LightMyRequestResponse>): Promise<T> {
  const done = await res;
  expect(done.statusCode, done.body).toBe(200);
  return done.json() as T;
}

export const newProject = (client: Client, year: number, body: Record<string, unknown>) =>
  ok<Project>(
    client.post('/api/projects', { year, yearlyTarget: 12, description: `项目简介 ${XSS}`, ...body }),
  );

export const newMenuItem = (client: Client, body: Record<string, unknown>) =>
  ok<MenuItem>(
    client.post('/api/menu-items', {
      serviceCategory: 'elderly',
      typicalMinutes: 60,
      description: `服务说明 ${XSS}`,
      ...body,
    }),
  );

/** The audit entries of one action on one object, oldest first. */
export const auditsOf = (db: Db, action: string, id: number) =>
  db
    .selectFrom('audit_log')
    .select(['actor_username', 'summary'])
    .where('action', '=', action)
    .where('resource_id', '=', String(id))
    .orderBy('seq')
    .execute();
