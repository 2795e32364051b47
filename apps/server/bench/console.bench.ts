// Workload: every console page of the demo county opens in under a second (issue 13: 活动档案 took
// 17–19 s, 服务时长 ~2.8 s, 活动管理 ~2 s, 活动计划 ~1.5 s). Each page's API calls are made as the
// page makes them on a fresh open — the calls of a step at once, the steps one after another (a
// detail loaded for the first row of a list) — as the demo role who uses the page: demo-center sees
// the whole county; the account pages are the security and audit admins'. The layout's own calls
// (who am I, the unread badge) are timed once as the baseline every page pays besides its own.
// The figure per page is the median of ROUNDS fresh opens after a warm-up open.
import type { LightMyRequestResponse } from 'fastify';
import { logIn, timed, type Bench, type Client, type Figure } from './harness.ts';

const ROUNDS = Number(process.env.BENCH_CONSOLE_ROUNDS ?? 5);
const TARGET_MS = 1000;

/** What the calls of the pages need to know: the year, the centre, an id for each detail page. */
interface Env {
  year: number;
  /** The month the archive opens on (this month): its first and last day. */
  monthFrom: string;
  monthTo: string;
  centerId: number;
  orderId: number;
  activityId: number;
  teamId: number;
  projectId: number;
  /** From the page's earlier step (the first plan, standard …). */
  previous: unknown[];
}

type Step = Array<(env: Env) => string>;
interface Page {
  title: string;
  path: string;
  who: 'demo-center' | 'demo-security' | 'demo-audit';
  steps: Step[];
}

const orgTree = () => '/api/orgs/tree';
const firstId = (body: unknown) => {
  const list = Array.isArray(body) ? body : (body as { items: unknown[] }).items;
  return (list[0] as { id: number }).id;
};

/** The console's pages and the calls each makes when opened (read from the pages, as the browser shows them). */
const PAGES: Page[] = [
  { title: '工作台', path: '/', who: 'demo-center', steps: [[() => '/api/orgs?page=1&pageSize=1']] },
  {
    title: '组织架构',
    path: '/orgs',
    who: 'demo-center',
    steps: [[orgTree], [(e) => `/api/orgs/${e.centerId}`]],
  },
  {
    title: '组织列表',
    path: '/orgs/list',
    who: 'demo-center',
    steps: [[() => '/api/orgs?page=1&pageSize=20', orgTree]],
  },
  { title: '五大服务平台', path: '/platforms', who: 'demo-center', steps: [[() => '/api/platforms']] },
  { title: '标准模板', path: '/site-standards', who: 'demo-center', steps: [[() => '/api/site-standards']] },
  {
    title: '阵地检查',
    path: '/inspections',
    who: 'demo-center',
    steps: [[orgTree, () => '/api/site-standards', () => '/api/inspections?page=1&pageSize=20']],
  },
  {
    title: '达标统计',
    path: '/site-standards/coverage',
    who: 'demo-center',
    steps: [
      [() => '/api/site-standards'],
      [(e) => `/api/site-standards/coverage?standardId=${firstId(e.previous[0])}`],
    ],
  },
  {
    title: '志愿者',
    path: '/volunteers',
    who: 'demo-center',
    steps: [[() => '/api/volunteers?page=1&pageSize=20', () => '/api/volunteers/rejoin-requests', orgTree]],
  },
  {
    title: '批量导入',
    path: '/volunteers/import',
    who: 'demo-center',
    steps: [[() => '/api/volunteers/imports?page=1&pageSize=10']],
  },
  {
    title: '志愿服务队',
    path: '/teams',
    who: 'demo-center',
    steps: [[() => '/api/teams/tree', orgTree, () => '/api/teams?page=1&pageSize=20']],
  },
  {
    title: '队伍详情',
    path: '/teams/:id',
    who: 'demo-center',
    steps: [
      [
        (e) => `/api/teams/${e.teamId}`,
        (e) => `/api/teams/${e.teamId}/members?status=active&page=1&pageSize=20`,
      ],
    ],
  },
  {
    title: '项目库',
    path: '/projects',
    who: 'demo-center',
    steps: [[() => '/api/projects?page=1&pageSize=20']],
  },
  {
    title: '项目详情',
    path: '/projects/:id',
    who: 'demo-center',
    steps: [[(e) => `/api/projects/${e.projectId}`]],
  },
  {
    title: '服务清单',
    path: '/menu-items',
    who: 'demo-center',
    steps: [[() => '/api/menu-items?page=1&pageSize=20']],
  },
  {
    title: '需求工作台',
    path: '/orders',
    who: 'demo-center',
    steps: [[() => '/api/orders?stage=vet&page=1&pageSize=20', () => '/api/orders/counts']],
  },
  {
    title: '需求详情',
    path: '/orders/:id',
    who: 'demo-center',
    steps: [[(e) => `/api/orders/${e.orderId}`, orgTree]],
  },
  { title: '代点单', path: '/orders/new', who: 'demo-center', steps: [[orgTree]] },
  {
    title: '活动计划',
    path: '/plans',
    who: 'demo-center',
    steps: [
      [orgTree, (e) => `/api/plans?orgId=${e.centerId}&year=${e.year}&pageSize=50`],
      [(e) => `/api/plans/${firstId(e.previous[1])}`],
    ],
  },
  {
    title: '活动管理',
    path: '/activities',
    who: 'demo-center',
    steps: [[() => '/api/activities?page=1&pageSize=20', orgTree]],
  },
  {
    title: '活动详情',
    path: '/activities/:id',
    who: 'demo-center',
    steps: [[(e) => `/api/activities/${e.activityId}`, (e) => `/api/activities/${e.activityId}/signups`]],
  },
  {
    title: '活动档案',
    path: '/activity-archive',
    who: 'demo-center',
    steps: [
      [(e) => `/api/activities/archive?year=${e.year}&orgId=${e.centerId}`, orgTree],
      [
        (e) =>
          `/api/activities?orgId=${e.centerId}&from=${e.monthFrom}&to=${e.monthTo}&order=asc&page=1&pageSize=20`,
      ],
    ],
  },
  {
    title: '服务时长',
    path: '/service-records',
    who: 'demo-center',
    steps: [
      [
        (e) => `/api/hour-rules/effective?orgId=${e.centerId}`,
        orgTree,
        () => '/api/service-records?status=pending&page=1&pageSize=20',
        () => '/api/service-records/counts',
      ],
    ],
  },
  {
    title: '证明管理',
    path: '/certificates',
    who: 'demo-center',
    steps: [[() => '/api/certificates?page=1&pageSize=20']],
  },
  {
    title: '积分管理',
    path: '/points',
    who: 'demo-center',
    steps: [
      [
        () => '/api/points/rules',
        () => '/api/points/entries?page=1&pageSize=20',
        () => '/api/points/adjustments?page=1&pageSize=20',
      ],
    ],
  },
  {
    title: '兑换物品',
    path: '/store-items',
    who: 'demo-center',
    steps: [[() => '/api/store/items?page=1&pageSize=20']],
  },
  {
    title: '兑换核销',
    path: '/store-handover',
    who: 'demo-center',
    steps: [[() => '/api/store/redemptions?page=1&pageSize=20']],
  },
  {
    title: '礼遇褒奖',
    path: '/honours',
    who: 'demo-center',
    steps: [[(e) => `/api/honours/rankings?year=${e.year}`, () => '/api/honours/privileges', orgTree]],
  },
  {
    title: '待激活账号',
    path: '/account-activations',
    who: 'demo-center',
    steps: [[() => '/api/users/pending-activation']],
  },
  {
    title: '账号管理',
    path: '/users',
    who: 'demo-security',
    steps: [[() => '/api/users?page=1&pageSize=20', () => '/api/roles']],
  },
  {
    title: '审计日志',
    path: '/audit-logs',
    who: 'demo-audit',
    steps: [[() => '/api/audit-logs?page=1&pageSize=20']],
  },
];

/** The layout's calls on every fresh open. */
const SHELL = ['/api/auth/me', '/api/notifications?unread=true&page=1&pageSize=1'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function checked(res: LightMyRequestResponse, url: string): unknown {
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res.json();
}

/** One fresh open of a page: its steps in order, each step's calls at once. */
async function open(
  client: Client,
  page: Page,
  env: Omit<Env, 'previous'>,
): Promise<{ ms: number; calls: number }> {
  let previous: unknown[] = [];
  let calls = 0;
  const { ms } = await timed(async () => {
    for (const step of page.steps) {
      const urls = step.map((url) => url({ ...env, previous }));
      calls += urls.length;
      previous = await Promise.all(urls.map(async (url) => checked(await client.get(url), url)));
    }
  });
  return { ms, calls };
}

export async function consoleWorkload(bench: Bench): Promise<Figure> {
  const { app, ctx } = bench;
  const clients = {
    'demo-center': await logIn(app, 'demo-center'),
    'demo-security': await logIn(app, 'demo-security'),
    'demo-audit': await logIn(app, 'demo-audit'),
  };
  const db = ctx.db.system;
  const center = await db
    .selectFrom('orgs')
    .select('id')
    .where('kind', '=', 'center')
    .executeTakeFirstOrThrow();
  const today = new Date(Date.now() + 8 * 3_600_000);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const mm = String(month).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pick = async (table: 'orders' | 'activities' | 'teams' | 'projects') =>
    (await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const env = {
    year,
    monthFrom: `${year}-${mm}-01`,
    monthTo: `${year}-${mm}-${lastDay}`,
    centerId: center.id,
    orderId: await pick('orders'),
    activityId: await pick('activities'),
    teamId: await pick('teams'),
    projectId: await pick('projects'),
  };

  // the layout's calls, the baseline every page pays on top of its own
  const shellTimes: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const { ms } = await timed(() =>
      Promise.all(SHELL.map(async (url) => checked(await clients['demo-center'].get(url), url))),
    );
    if (round > 0) shellTimes.push(ms);
  }
  const shell = median(shellTimes);

  const rows: Array<{
    page: string;
    path: string;
    role: string;
    calls: number;
    medianMs: number;
    maxMs: number;
  }> = [];
  for (const page of PAGES) {
    const client = clients[page.who];
    await open(client, page, env); // warm-up
    const times: number[] = [];
    let calls = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const result = await open(client, page, env);
      times.push(result.ms);
      calls = result.calls;
    }
    rows.push({
      page: page.title,
      path: page.path,
      role: page.who,
      calls,
      medianMs: Math.round(median(times)),
      maxMs: Math.round(Math.max(...times)),
    });
  }
  console.log(
    `  console pages of the demo county, median of ${ROUNDS} fresh opens (the page's own API calls; ` +
      `the layout's ${SHELL.length} calls take ${shell.toFixed(0)} ms more):`,
  );
  console.table(rows);
  const slowest = rows.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  return {
    workload: `console pages: the API calls of each of ${rows.length} pages on a fresh open, demo county`,
    measured: `slowest ${slowest.page} ${slowest.medianMs} ms (median of ${ROUNDS}); all pages ≤ ${slowest.medianMs} ms`,
    baseline: `layout calls (auth/me + unread badge) ${shell.toFixed(0)} ms`,
    ratio: `${(slowest.medianMs / Math.max(shell, 1)).toFixed(1)}× the layout calls`,
    target: `every page < ${TARGET_MS} ms`,
    met: rows.every((r) => r.medianMs < TARGET_MS),
  };
}
