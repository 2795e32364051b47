// Names for the ids in a page of audit entries, so the audit admin reads "东风社区新时代文明实践站"
// rather than "org #19": the object each entry points at, its org, its actor, and the volunteers
// and orgs its summary mentions. Read in the caller's scope (row-level security applies), a batch
// per kind of object. Never personal data: a volunteer is named by their number, a volunteer's or
// resident's account by its username (the number), only staff accounts by their name.
import {
  PLATFORM_LABELS,
  STAFF_ROLES,
  type AuditSummaryNames,
  type Platform,
  type Role,
} from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';

export interface AuditRowRef {
  actor_user_id: number | null;
  resource_type: string;
  resource_id: string | null;
  org_id: number | null;
  summary: Record<string, unknown>;
}

export interface AuditNames {
  /** "type:id" → the object's name */
  resources: Map<string, string>;
  orgs: Map<number, string>;
  users: Map<number, string>;
  summary: Required<AuditSummaryNames>;
}

const SUMMARY_VOLUNTEER_KEYS = ['volunteerId', 'volunteerIds', 'promoted'];
const SUMMARY_ORG_KEYS = ['areaOrgId', 'fromParentId', 'toParentId', 'orgId'];

const numericIds = (values: Iterable<unknown>): number[] => [
  ...new Set(
    [...values]
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .map((v) => Number(v))
      .filter((v) => Number.isSafeInteger(v) && v > 0),
  ),
];

type Lookup = (tx: Tx, ids: number[]) => Promise<{ id: number | string; name: string }[]>;

/** How each kind of object is named (kinds missing here are named by nothing but their kind). */
const RESOURCE_LOOKUPS: Record<string, Lookup> = {
  org: (tx, ids) => tx.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute(),
  user: async (tx, ids) =>
    (
      await tx
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'role'])
        .where('id', 'in', ids)
        .execute()
    ).map((u) => ({ id: u.id, name: userName(u) })),
  volunteer: (tx, ids) =>
    tx.selectFrom('volunteers').select(['id', 'volunteer_no as name']).where('id', 'in', ids).execute(),
  volunteer_import: (tx, ids) =>
    tx.selectFrom('volunteer_imports').select(['id', 'file_name as name']).where('id', 'in', ids).execute(),
  team: (tx, ids) => tx.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute(),
  platform: async (tx, ids) =>
    (
      await tx.selectFrom('platforms').select(['id', 'name', 'platform']).where('id', 'in', ids).execute()
    ).map((p) => ({ id: p.id, name: p.name || PLATFORM_LABELS[p.platform as Platform] || p.platform })),
  site_standard: (tx, ids) =>
    tx.selectFrom('site_standards').select(['id', 'name']).where('id', 'in', ids).execute(),
  inspection: async (tx, ids) =>
    (
      await tx
        .selectFrom('inspections as i')
        .leftJoin('orgs as o', 'o.id', 'i.org_id')
        .select(['i.id', 'i.standard_name', 'o.name as org_name'])
        .where('i.id', 'in', ids)
        .execute()
    ).map((i) => ({ id: i.id, name: [i.org_name, i.standard_name].filter(Boolean).join(' · ') })),
  project: (tx, ids) => tx.selectFrom('projects').select(['id', 'name']).where('id', 'in', ids).execute(),
  menu_item: (tx, ids) =>
    tx.selectFrom('menu_items').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  order: (tx, ids) =>
    tx.selectFrom('orders').select(['id', 'order_no as name']).where('id', 'in', ids).execute(),
  activity_plan: (tx, ids) =>
    tx.selectFrom('activity_plans').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  activity: (tx, ids) =>
    tx.selectFrom('activities').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  activity_series: (tx, ids) =>
    tx.selectFrom('activity_series').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  service_record: async (tx, ids) =>
    (
      await tx
        .selectFrom('service_records as r')
        .leftJoin('volunteers as v', 'v.id', 'r.volunteer_id')
        .select(['r.id', 'r.hours', 'v.volunteer_no'])
        .where('r.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, name: `${r.volunteer_no ?? '志愿者'} · ${Number(r.hours)} 小时` })),
};

/** A staff account by name and username; a volunteer's or resident's by its username alone. */
function userName(user: { username: string; display_name: string; role: string }): string {
  return STAFF_ROLES.includes(user.role as Role) && user.display_name && user.display_name !== user.username
    ? `${user.display_name}（${user.username}）`
    : user.username;
}

export async function resolveAuditNames(tx: Tx, rows: readonly AuditRowRef[]): Promise<AuditNames> {
  const names: AuditNames = {
    resources: new Map(),
    orgs: new Map(),
    users: new Map(),
    summary: { volunteers: {}, orgs: {} },
  };
  const byType = new Map<string, number[]>();
  for (const row of rows) {
    if (row.resource_id === null || !RESOURCE_LOOKUPS[row.resource_type]) continue;
    byType.set(row.resource_type, [...(byType.get(row.resource_type) ?? []), Number(row.resource_id)]);
  }
  for (const [type, raw] of byType) {
    const ids = numericIds(raw);
    if (!ids.length) continue;
    for (const found of await RESOURCE_LOOKUPS[type]!(tx, ids))
      names.resources.set(`${type}:${found.id}`, found.name);
  }

  const orgIds = numericIds([
    ...rows.map((r) => r.org_id),
    ...rows.flatMap((r) => SUMMARY_ORG_KEYS.map((k) => r.summary[k])),
  ]);
  if (orgIds.length)
    for (const org of await RESOURCE_LOOKUPS.org!(tx, orgIds)) {
      names.orgs.set(Number(org.id), org.name);
      names.summary.orgs[String(org.id)] = org.name;
    }

  const userIds = numericIds(rows.map((r) => r.actor_user_id));
  if (userIds.length)
    for (const user of await RESOURCE_LOOKUPS.user!(tx, userIds)) names.users.set(Number(user.id), user.name);

  const volunteerIds = numericIds(rows.flatMap((r) => SUMMARY_VOLUNTEER_KEYS.map((k) => r.summary[k])));
  if (volunteerIds.length)
    for (const volunteer of await RESOURCE_LOOKUPS.volunteer!(tx, volunteerIds))
      names.summary.volunteers[String(volunteer.id)] = volunteer.name;

  return names;
}

/**
 * The name of an entry's object: looked up, or for a route the route itself, or — for an object
 * since deleted — the name its own summary recorded.
 */
export function resourceNameOf(names: AuditNames, row: AuditRowRef): string | null {
  if (row.resource_type === 'route') return row.resource_id;
  const found =
    row.resource_id === null ? undefined : names.resources.get(`${row.resource_type}:${row.resource_id}`);
  if (found) return found;
  if (row.resource_type === 'session' || row.resource_type === 'system') return null;
  const recorded = row.summary.name ?? row.summary.title;
  return typeof recorded === 'string' && recorded ? recorded : null;
}
