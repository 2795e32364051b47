// Projects and the service menu: the demo "文明实践365" library, creating and editing projects,
// the lifecycle 确立 → 招募 → 实施 → 评估 → 优化 (→ 招募) with its history, copying to next year,
// menu items with their service area, the residents' public menu of one village, and scope:
// another town's station neither sees nor touches a station's items, and reads the centre's
// projects without editing them.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_CATEGORIES } from '@civic/contracts';
import { chinaYear } from '../../src/seed/projects-seed.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';
import {
  auditsOf,
  CHINESE,
  expectError,
  newMenuItem,
  newProject as createProject,
  ok,
  projectDigests,
  type Client,
  type MenuItem,
  type Project,
} from '../support/project-factories.ts';
import { XSS } from '../support/volunteer-factories.ts';

const tag = crypto.randomBytes(3).toString('hex');
const year = chinaYear(new Date());

let t: TestContext;
let center: Client;
let institute: Client;
let station: Client;
let station2: Client;
let instituteOrg: OrgRef;
let stationOrg: OrgRef;
let southStation: OrgRef;
let centerId: number;
/** the centre's 理论宣讲 project this year, the station's own project, and items of three levels */
let lecture: Project;
let own: Project;
let stationItem: MenuItem;
let instituteItem: MenuItem;
let southItem: MenuItem;

const db = () => t.ctx.db.system;
const digests = () => projectDigests(db());
const newProject = (client: Client, body: Record<string, unknown>) => createProject(client, year, body);
const newItem = newMenuItem;
const audits = (action: string, id: number) => auditsOf(db(), action, id);

beforeAll(async () => {
  t = await createTestContext();
  center = as(t.app, await login(t.app, 'demo-center'));
  institute = as(t.app, await login(t.app, 'demo-institute'));
  station = as(t.app, await login(t.app, 'demo-station'));
  station2 = as(t.app, await login(t.app, 'demo-station2'));
  instituteOrg = await orgOfUser(db(), 'demo-institute');
  stationOrg = await orgOfUser(db(), 'demo-station');
  southStation = await orgOfUser(db(), 'demo-station2');
  centerId = (await orgOfUser(db(), 'demo-center')).id;
  const found = await ok<{ items: Project[] }>(
    center.get(`/api/projects?year=${year}&keyword=${encodeURIComponent('理论宣讲')}`),
  );
  lecture = await ok<Project>(center.get(`/api/projects/${found.items[0]!.id}`));
  own = await newProject(station, { name: `东风邻里守望${tag}`, description: `项目简介 ${XSS}` });
  stationItem = await newItem(station, {
    title: `邻里帮办${tag}`,
    areaOrgId: stationOrg.id,
    projectId: own.id,
  });
  instituteItem = await newItem(institute, { title: `城北助浴${tag}`, areaOrgId: instituteOrg.id });
  southItem = await newItem(station2, { title: `城南修鞋${tag}`, areaOrgId: southStation.id });
});
afterAll(async () => {
  await t?.close();
});

describe('the demo library and menu', () => {
  it('holds the 12 "文明实践365" projects this year and last year, run by the professional teams', async () => {
    for (const y of [year, year - 1]) {
      const list = await ok<{ items: Array<Project & Record<string, unknown>> }>(
        center.get(`/api/projects?year=${y}&pageSize=200`),
      );
      const county = list.items.filter((p) => p.ownerOrgId === centerId);
      expect(county).toHaveLength(12);
      for (const p of county) {
        expect(p).toMatchObject({ year: y, yearlyTarget: 12, ownerOrgId: centerId, editable: true });
        expect(p.responsibleTeamName).toBe(p.name.replace('项目', '队'));
      }
      if (y === year - 1) expect(county.every((p) => p.status === 'optimizing')).toBe(true);
      else expect(county.every((p) => p.copiedFromId !== null)).toBe(true);
    }
    expect(lecture.history[0]).toMatchObject({ fromStatus: null, toStatus: 'established' });
    const menu = await ok<{ total: number }>(center.get('/api/menu-items?status=published'));
    expect(menu.total).toBeGreaterThanOrEqual(24);
  });
});

describe('projects', () => {
  it('creates a project owned by the caller’s org, with its first stage and an audit entry', async () => {
    expect(own).toMatchObject({ ownerOrgId: stationOrg.id, status: 'established', editable: true });
    expect(own.history).toHaveLength(1);
    expect((await ok<{ description: string }>(station.get(`/api/projects/${own.id}`))).description).toBe(
      `项目简介 ${XSS}`,
    );
    expect(await audits('project.create', own.id)).toMatchObject([{ actor_username: 'demo-station' }]);
    // a responsible team of the station, or the centre's professional team above it
    const squadron = await db()
      .selectFrom('teams')
      .select('id')
      .where('org_id', '=', stationOrg.id)
      .where('tier', '=', 'squadron')
      .executeTakeFirstOrThrow();
    const edited = await ok<Project>(
      station.patch(`/api/projects/${own.id}`, { responsibleTeamId: squadron.id, yearlyTarget: 24 }),
    );
    expect(edited).toMatchObject({ responsibleTeamId: squadron.id, yearlyTarget: 24 });
    expect(await audits('project.update', own.id)).toHaveLength(1);
    const byInstitute = await newProject(institute, {
      ownerOrgId: stationOrg.id,
      name: `所定站项目${tag}`,
      platform: 'health',
      responsibleTeamId: lecture.responsibleTeamId,
    });
    expect(byInstitute).toMatchObject({
      ownerOrgId: stationOrg.id,
      responsibleTeamName: '“理论宣讲”志愿服务队',
    });
  });

  it('refuses bad input, foreign owners and teams, and duplicates, writing nothing', async () => {
    const before = await digests();
    const southTeam = await db()
      .selectFrom('teams')
      .select('id')
      .where('org_id', '=', southStation.id)
      .executeTakeFirstOrThrow();
    for (const body of [
      { name: 'x' },
      { name: `无年度${tag}`, year: 1999 },
      { name: `坏平台${tag}`, platform: 'army' },
      { name: `负目标${tag}`, yearlyTarget: -1 },
      { name: `坏类别${tag}`, serviceCategory: 'flying' },
    ]) {
      expectError(await station.post('/api/projects', { year, ...body }), 400);
    }
    expectError(await station.post('/api/projects', { name: `无年度${tag}` }), 400);
    expectError(
      await station.post('/api/projects', { name: `越权${tag}`, year, ownerOrgId: instituteOrg.id }),
      404,
    );
    expectError(
      await station.post('/api/projects', { name: `越权${tag}`, year, responsibleTeamId: southTeam.id }),
      404,
    );
    expectError(await station.post('/api/projects', { name: own.name, year }), 409, 'DUPLICATE_PROJECT_NAME');
    expectError(await station.patch(`/api/projects/${own.id}`, { year: 3000 }), 400);
    expect(await digests()).toEqual(before);
  });

  it('lists the subtree plus the orgs above, with filters', async () => {
    const mine = await ok<{ items: Project[]; total: number }>(
      station.get(`/api/projects?year=${year}&pageSize=200`),
    );
    const ids = mine.items.map((p) => p.id);
    expect(ids).toContain(own.id);
    expect(ids).toContain(lecture.id);
    expect(mine.items.find((p) => p.id === lecture.id)!.editable).toBe(false);
    const south = await newProject(station2, { name: `城南项目${tag}` });
    expect(ids).not.toContain(south.id);
    expect(
      (await ok<{ items: Project[] }>(station.get(`/api/projects?keyword=${tag}`))).items.map((p) => p.name),
    ).toEqual(expect.arrayContaining([own.name, `所定站项目${tag}`]));
    const byOrg = await ok<{ items: Project[] }>(station.get(`/api/projects?orgId=${stationOrg.id}`));
    expect(byOrg.items.every((p) => p.ownerOrgId === stationOrg.id)).toBe(true);
    const health = await ok<{ items: Array<{ platform: string }> }>(
      center.get('/api/projects?platform=health'),
    );
    expect(health.items.length).toBeGreaterThan(0);
    expect(health.items.every((p) => p.platform === 'health')).toBe(true);
    const optimizing = await ok<{ total: number }>(
      center.get(`/api/projects?status=optimizing&year=${year - 1}`),
    );
    expect(optimizing.total).toBe(12);
    expectError(await center.get('/api/projects?status=done'), 400);
  });

  it('walks the lifecycle, records each stage and refuses illegal jumps with 409', async () => {
    const p = await newProject(station, { name: `生命周期${tag}` });
    const step = (status: string, note?: string) =>
      station.post(`/api/projects/${p.id}/status`, { status, note });
    const before = await digests();
    expectError(await step('implementing'), 409, 'ILLEGAL_TRANSITION');
    expectError(await step('established'), 409, 'ILLEGAL_TRANSITION');
    expectError(await step('finished'), 400);
    expect(await digests()).toEqual(before);
    for (const status of ['recruiting', 'implementing', 'evaluating', 'optimizing'])
      expect((await ok<Project>(step(status, `进入${status}`))).status).toBe(status);
    expectError(await step('established'), 409, 'ILLEGAL_TRANSITION');
    expectError(await step('evaluating'), 409);
    // the next round starts again with 招募
    const next = await ok<Project>(step('recruiting', '第二轮'));
    expect(next.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'established'],
      ['established', 'recruiting'],
      ['recruiting', 'implementing'],
      ['implementing', 'evaluating'],
      ['evaluating', 'optimizing'],
      ['optimizing', 'recruiting'],
    ]);
    expect(next.history.at(-1)).toMatchObject({ note: '第二轮' });
    expect(next.history.at(-1)!.changedByName).toMatch(CHINESE);
    const entries = await audits('project.status', p.id);
    expect(entries).toHaveLength(5);
    expect(entries[4]!.summary).toEqual({ from: 'optimizing', to: 'recruiting' });
  });

  it('copies a project to next year once', async () => {
    const copy = await ok<Project>(station.post(`/api/projects/${own.id}/copy`, { year: year + 1 }));
    expect(copy).toMatchObject({
      name: own.name,
      year: year + 1,
      status: 'established',
      copiedFromId: own.id,
    });
    expect(copy.history).toHaveLength(1);
    expect(copy.history[0]!.note).toContain(String(year));
    expect(await audits('project.copy', copy.id)).toHaveLength(1);
    const before = await digests();
    expectError(
      await station.post(`/api/projects/${own.id}/copy`, { year: year + 1 }),
      409,
      'DUPLICATE_PROJECT_NAME',
    );
    expectError(await station.post(`/api/projects/${own.id}/copy`, { year: 'next' }), 400);
    expect(await digests()).toEqual(before);
  });
});

describe('menu items', () => {
  it('creates items for the owner’s own area or below, tied to its project or one above', async () => {
    expect(stationItem).toMatchObject({
      status: 'published',
      ownerOrgId: stationOrg.id,
      projectName: own.name,
    });
    expect(await audits('menu_item.create', stationItem.id)).toMatchObject([
      { actor_username: 'demo-station' },
    ]);
    const down = await newItem(institute, {
      title: `站点专供${tag}`,
      areaOrgId: stationOrg.id,
      projectId: lecture.id,
    });
    expect(down).toMatchObject({ ownerOrgId: instituteOrg.id, areaOrgId: stationOrg.id, editable: true });
  });

  it('refuses an area outside the owner’s subtree and other bad input, writing nothing', async () => {
    const before = await digests();
    const point = await db()
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', stationOrg.id)
      .where('kind', '=', 'point')
      .executeTakeFirstOrThrow();
    const item = { title: `越界服务${tag}`, serviceCategory: 'law', typicalMinutes: 60 };
    expectError(await station.post('/api/menu-items', { ...item, areaOrgId: instituteOrg.id }), 404);
    expectError(await station.post('/api/menu-items', { ...item, areaOrgId: southStation.id }), 404);
    expectError(
      await center.post('/api/menu-items', {
        ...item,
        ownerOrgId: instituteOrg.id,
        areaOrgId: southStation.id,
      }),
      400,
      'AREA_OUTSIDE_OWNER',
    );
    expectError(await station.post('/api/menu-items', { ...item, areaOrgId: point.id }), 400, 'AREA_KIND');
    expectError(
      await center.post('/api/menu-items', {
        ...item,
        ownerOrgId: instituteOrg.id,
        areaOrgId: instituteOrg.id,
        projectId: own.id,
      }),
      400,
      'PROJECT_OUT_OF_LINE',
    );
    const area = { areaOrgId: stationOrg.id };
    for (const body of [
      { ...item, ...area, typicalMinutes: 5 },
      { ...item, ...area, volunteersNeeded: 0 },
      { ...item, ...area, skills: ['flying'] },
      { ...item, ...area, serviceCategory: undefined },
      { ...item, ...area, title: '' },
    ]) {
      expectError(await station.post('/api/menu-items', body), 400);
    }
    expectError(
      await station.patch(`/api/menu-items/${stationItem.id}`, { areaOrgId: instituteOrg.id }),
      404,
    );
    expect(await digests()).toEqual(before);
  });

  it('edits, withdraws and publishes again, each once', async () => {
    const edited = await ok<MenuItem & { typicalMinutes: number }>(
      station.patch(`/api/menu-items/${stationItem.id}`, { typicalMinutes: 90, description: `说明 ${XSS}` }),
    );
    expect(edited.typicalMinutes).toBe(90);
    const item = await newItem(station, { title: `临时服务${tag}`, areaOrgId: stationOrg.id });
    expect((await ok<MenuItem>(station.post(`/api/menu-items/${item.id}/withdraw`))).status).toBe(
      'withdrawn',
    );
    expectError(await station.post(`/api/menu-items/${item.id}/withdraw`), 409, 'ALREADY_WITHDRAWN');
    const withdrawn = await ok<{ items: MenuItem[] }>(station.get('/api/menu-items?status=withdrawn'));
    expect(withdrawn.items.map((i) => i.id)).toContain(item.id);
    expect((await ok<MenuItem>(station.post(`/api/menu-items/${item.id}/publish`))).status).toBe('published');
    expectError(await station.post(`/api/menu-items/${item.id}/publish`), 409, 'ALREADY_PUBLISHED');
    expect(await audits('menu_item.withdraw', item.id)).toHaveLength(1);
    expect(await audits('menu_item.publish', item.id)).toHaveLength(1);
    const byProject = await ok<{ items: MenuItem[] }>(station.get(`/api/menu-items?projectId=${own.id}`));
    expect(byProject.items.map((i) => i.id)).toEqual([stationItem.id]);
    const law = await ok<{ items: Array<{ serviceCategory: string }> }>(
      station.get('/api/menu-items?serviceCategory=law'),
    );
    expect(law.items.length).toBeGreaterThan(0);
    expect(law.items.every((i) => i.serviceCategory === 'law')).toBe(true);
  });
});

describe('the residents’ public menu', () => {
  const publicMenu = (orgId: number | string) =>
    t.app.inject({ method: 'GET', url: `/api/public/menu?orgId=${orgId}` });

  it('shows a village the items of its centre, its institute and its station, without a session', async () => {
    const withdrawn = await newItem(station, { title: `已下架${tag}`, areaOrgId: stationOrg.id });
    await ok(station.post(`/api/menu-items/${withdrawn.id}/withdraw`));
    const res = await publicMenu(stationOrg.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { orgName: string; items: Array<Record<string, unknown>> };
    const titles = body.items.map((i) => i.title);
    expect(titles).toEqual(
      expect.arrayContaining(['义诊巡诊', '茶叶种植技术指导', '广场舞教学', '爱心陪诊']),
    );
    expect(titles).toEqual(expect.arrayContaining([stationItem.title, instituteItem.title]));
    for (const absent of ['社区书法培训', '茶园管护与采茶帮工', southItem.title, withdrawn.title])
      expect(titles).not.toContain(absent);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual([
        'description',
        'id',
        'ownerOrgName',
        'projectName',
        'serviceCategory',
        'title',
        'typicalMinutes',
        'volunteersNeeded',
      ]);
    }
    const order = body.items.map((i) => SERVICE_CATEGORIES.indexOf(i.serviceCategory as never));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    expect(body.items.find((i) => i.title === '义诊巡诊')).toMatchObject({
      ownerOrgName: '西乡县新时代文明实践中心',
      projectName: '“爱心医疗”志愿服务项目',
    });
    // another town's village gets its own town's items, not this one's
    const south = (await publicMenu(southStation.id)).json().items.map((i: { title: string }) => i.title);
    expect(south).toEqual(expect.arrayContaining(['义诊巡诊', '社区书法培训', southItem.title]));
    expect(south).not.toContain(instituteItem.title);
  });

  it('answers an unknown or non-station org with a Chinese message', async () => {
    expectError(await publicMenu(99999999), 404);
    expectError(await publicMenu(instituteOrg.id), 400, 'NOT_A_STATION');
    expectError(await publicMenu('abc'), 400);
  });
});

describe('scope', () => {
  it('another town’s station neither sees nor touches a station’s or its institute’s items', async () => {
    const before = await digests();
    for (const item of [stationItem, instituteItem]) {
      expectError(await station2.get(`/api/menu-items/${item.id}`), 404);
      expectError(await station2.patch(`/api/menu-items/${item.id}`, { title: '篡改服务' }), 404);
      expectError(await station2.post(`/api/menu-items/${item.id}/withdraw`), 404);
    }
    expectError(await station2.get(`/api/projects/${own.id}`), 404);
    expectError(await station2.patch(`/api/projects/${own.id}`, { name: '篡改项目' }), 404);
    // the station sees its institute's item but cannot change it
    expect((await ok<MenuItem>(station.get(`/api/menu-items/${instituteItem.id}`))).editable).toBe(false);
    expectError(await station.post(`/api/menu-items/${instituteItem.id}/withdraw`), 404);
    expect(await digests()).toEqual(before);
  });

  it('reads the centre’s projects read-only', async () => {
    const before = await digests();
    const seen = await ok<Project>(station2.get(`/api/projects/${lecture.id}`));
    expect(seen).toMatchObject({ id: lecture.id, editable: false });
    expectError(await station2.patch(`/api/projects/${lecture.id}`, { name: '篡改' }), 404);
    expectError(await station2.post(`/api/projects/${lecture.id}/status`, { status: 'evaluating' }), 404);
    expectError(await station2.post(`/api/projects/${lecture.id}/copy`, { year: year + 1 }), 404);
    expect(await digests()).toEqual(before);
  });

  it('needs the project permissions', async () => {
    const leader = as(t.app, await login(t.app, 'demo-leader'));
    expectError(await leader.get('/api/projects'), 403);
    expectError(await leader.get('/api/menu-items'), 403);
  });
});
