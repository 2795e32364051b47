// What anyone may see without an account: the upcoming activities around a village (those of its
// station and of the orgs above it), and an org's calendar as an iCalendar (.ics) feed that a
// phone's calendar can subscribe to. Runs on the system connection and returns public fields only.
import { ICalCalendar } from 'ical-generator';
import { sql } from 'kysely';
import { ACTIVITY_FORM_SHORT, FESTIVAL_LABELS, type ActivityForm, type Festival } from '@civic/contracts';
import type { AppContext } from '../../platform/context.ts';
import { NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';

const PUBLIC_STATUSES = ['published', 'in_progress'] as const;

export interface PublicActivity {
  id: number;
  title: string;
  orgName: string;
  form: string;
  festival: string | null;
  description: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  audience: string;
  capacity: number;
  confirmedCount: number;
  status: string;
}

async function activeOrg(ctx: AppContext, orgId: number) {
  const org = await ctx.db.system
    .selectFrom('orgs')
    .select(['id', 'name', 'path', 'status'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org || org.status !== 'active') throw new NotFound('未找到该单位');
  return org;
}

/** Upcoming activities a resident of `orgId` (a village) can join: its own and those above it. */
export async function upcomingNear(ctx: AppContext, orgId: number, limit = 50): Promise<PublicActivity[]> {
  const org = await activeOrg(ctx, orgId);
  const rows = await ctx.db.system
    .selectFrom('activities as a')
    .select([
      'a.id',
      'a.title',
      sql<string>`org_name(a.org_id)`.as('org_name'),
      'a.form',
      'a.festival',
      'a.description',
      'a.place',
      'a.starts_at',
      'a.ends_at',
      'a.audience',
      'a.capacity',
      'a.confirmed_count',
      'a.status',
    ])
    .where('a.status', 'in', PUBLIC_STATUSES)
    .where('a.ends_at', '>', ctx.now())
    .where(sql<boolean>`a.org_path @> ${org.path}::ltree`)
    .orderBy('a.starts_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    orgName: r.org_name,
    form: r.form,
    festival: r.festival,
    description: r.description,
    place: r.place,
    startsAt: isoTimestamp(r.starts_at),
    endsAt: isoTimestamp(r.ends_at),
    audience: r.audience,
    capacity: r.capacity,
    confirmedCount: r.confirmed_count,
    status: r.status,
  }));
}

/** One published activity, for a resident who followed a link (calendar feed, a shared page). */
export async function publicActivity(ctx: AppContext, id: number): Promise<PublicActivity> {
  const r = await ctx.db.system
    .selectFrom('activities as a')
    .select([
      'a.id',
      'a.title',
      sql<string>`org_name(a.org_id)`.as('org_name'),
      'a.form',
      'a.festival',
      'a.description',
      'a.place',
      'a.starts_at',
      'a.ends_at',
      'a.audience',
      'a.capacity',
      'a.confirmed_count',
      'a.status',
    ])
    .where('a.id', '=', id)
    .where('a.status', 'in', ['published', 'in_progress', 'finished', 'archived', 'cancelled'])
    .where('a.published_at', 'is not', null)
    .executeTakeFirst();
  if (!r) throw new NotFound('活动不存在或尚未发布');
  return {
    id: r.id,
    title: r.title,
    orgName: r.org_name,
    form: r.form,
    festival: r.festival,
    description: r.description,
    place: r.place,
    startsAt: isoTimestamp(r.starts_at),
    endsAt: isoTimestamp(r.ends_at),
    audience: r.audience,
    capacity: r.capacity,
    confirmedCount: r.confirmed_count,
    status: r.status,
  };
}

/**
 * An org's activities (its subtree's) from 3 months ago on, as an iCalendar feed. Event links use
 * the configured PUBLIC_URL, never the request's Host header (a forged Host would put its own
 * address into every subscriber's calendar); without it the events carry no link.
 */
export async function calendarOf(ctx: AppContext, orgId: number): Promise<string> {
  const publicUrl = ctx.config.publicUrl;
  const org = await activeOrg(ctx, orgId);
  const since = new Date(ctx.now().getTime() - 92 * 86_400_000);
  const rows = await ctx.db.system
    .selectFrom('activities')
    .select([
      'id',
      'activity_no',
      'title',
      'form',
      'festival',
      'description',
      'place',
      'latitude',
      'longitude',
      'starts_at',
      'ends_at',
      'status',
      'updated_at',
    ])
    .where('status', 'in', ['published', 'in_progress', 'finished', 'archived', 'cancelled'])
    .where('published_at', 'is not', null)
    .where('starts_at', '>=', since)
    .where(sql<boolean>`org_path <@ ${org.path}::ltree`)
    .orderBy('starts_at')
    .limit(2000)
    .execute();
  const calendar = new ICalCalendar({
    name: `${org.name}活动日历`,
    timezone: 'Asia/Shanghai',
    prodId: { company: 'civic-practice-cloud', product: 'activities', language: 'ZH' },
  });
  for (const r of rows) {
    const tags = [
      ACTIVITY_FORM_SHORT[r.form as ActivityForm],
      r.festival ? FESTIVAL_LABELS[r.festival as Festival] : null,
    ]
      .filter(Boolean)
      .join(' · ');
    calendar.createEvent({
      id: `${r.activity_no}@civic-practice-cloud`,
      start: new Date(r.starts_at),
      end: new Date(r.ends_at),
      summary: r.status === 'cancelled' ? `【已取消】${r.title}` : r.title,
      description: [tags, r.description ?? ''].filter(Boolean).join('\n'),
      location:
        r.latitude != null && r.longitude != null
          ? { title: r.place, geo: { lat: r.latitude, lon: r.longitude } }
          : r.place,
      url: publicUrl ? `${publicUrl}/h5/activities/${r.id}` : undefined,
      lastModified: new Date(r.updated_at),
    });
  }
  return calendar.toString();
}
