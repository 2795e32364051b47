// A masked view must not be reversible from the rest of the same response: an attacker holding
// a station admin's or team leader's session reads the list, the detail and the masked export,
// guesses the region code from the org tree (the county's own code), takes every other field that
// says something about the ID number (gender = the sequence's parity, birth date, age, age range,
// minor flag) and enumerates the ID numbers that fit, the check character included. Before the
// fix the mask (first 3, last 4) plus the birth date left exactly one candidate.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_RANGE_LABELS, ageOn, idCheckCharacter } from '@civic/contracts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser, readSheet, uniqueCode, type OrgRef } from '../support/org-factories.ts';
import { birthDateYearsAgo, createVolunteer, idNumberFor } from '../support/volunteer-factories.ts';

type Client = ReturnType<typeof as>;

/** 西乡县: the demo county the org tree is named after (its centre), the attacker's region guess. */
const COUNTY_CODE = '610724';
/** Enough candidates to call the masking irreversible; the enumeration stops there. */
const MANY = 1000;

/** What one response (row, item, detail) says about a volunteer's ID number. */
interface Knowledge {
  idNumber: string;
  gender?: 'male' | 'female' | undefined;
  birthDate?: string | null | undefined;
  age?: number | null | undefined;
  /** [lowest, highest] age, from an age-range label such as 30–39岁 or 70岁及以上 */
  ageRange?: [number, number] | undefined;
  isMinor?: boolean | undefined;
}

/** An age-range label as the console and the export show it: 未满14岁, 14–17岁, 70岁及以上. */
function parseAgeRange(label: string): [number, number] {
  const under = /^未满(\d+)岁$/.exec(label);
  if (under) return [0, Number(under[1]) - 1];
  const between = /^(\d+)[–-](\d+)岁$/.exec(label);
  if (between) return [Number(between[1]), Number(between[2])];
  const over = /^(\d+)岁及以上$/.exec(label);
  if (over) return [Number(over[1]), 120];
  throw new Error(`unexpected age range ${label}`);
}

const GENDERS: Record<string, 'male' | 'female'> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
};

/** Every field of a list item or detail that bears on the ID number. */
function fromJson(item: Record<string, unknown>): Knowledge {
  const range = item.ageRange as keyof typeof AGE_RANGE_LABELS | undefined;
  return {
    idNumber: item.idNumber as string,
    gender: GENDERS[item.gender as string],
    birthDate: item.birthDate as string | null | undefined,
    age: item.age as number | null | undefined,
    ageRange: range ? parseAgeRange(AGE_RANGE_LABELS[range]) : undefined,
    isMinor: item.isMinor as boolean | undefined,
  };
}

/** Every column of an exported row that bears on the ID number. */
function fromRow(row: Record<string, string>): Knowledge {
  return {
    idNumber: row['身份证号']!,
    gender: GENDERS[row['性别'] ?? ''],
    birthDate: row['出生日期'] || undefined,
    ageRange: row['年龄段'] ? parseAgeRange(row['年龄段']) : undefined,
  };
}

/** The birth dates (YYYYMMDD) consistent with what is known, over the last 121 years. */
function birthDates(k: Knowledge, today: Date): string[] {
  const dates: string[] = [];
  const end = new Date(today.getTime() + 8 * 3600_000);
  const day = new Date(Date.UTC(end.getUTCFullYear() - 121, end.getUTCMonth(), end.getUTCDate()));
  for (; day <= end; day.setUTCDate(day.getUTCDate() + 1)) {
    const iso = day.toISOString().slice(0, 10);
    if (k.birthDate && iso !== k.birthDate) continue;
    const age = ageOn(iso, today);
    if (k.age !== null && k.age !== undefined && age !== k.age) continue;
    if (k.ageRange && (age < k.ageRange[0] || age > k.ageRange[1])) continue;
    if (k.isMinor !== undefined && age < 18 !== k.isMinor) continue;
    dates.push(iso.replaceAll('-', ''));
  }
  return dates;
}

/** The ID numbers consistent with everything known (at most `cap` of them). */
function rebuild(k: Knowledge, regions: string[], today: Date, cap = MANY): string[] {
  const masked = k.idNumber;
  expect(masked).toHaveLength(18);
  const fits = (text: string, from: number) =>
    [...text].every((c, i) => ['*', c].includes(masked[from + i]!));
  const found: string[] = [];
  for (const region of regions.filter((r) => fits(r, 0))) {
    for (const date of birthDates(k, today).filter((d) => fits(d, 6))) {
      for (let n = 0; n < 1000; n += 1) {
        const sequence = String(n).padStart(3, '0');
        if (!fits(sequence, 14)) continue;
        if (k.gender && (n % 2 === 1 ? 'male' : 'female') !== k.gender) continue;
        const first17 = `${region}${date}${sequence}`;
        const check = idCheckCharacter(first17);
        if (!fits(check, 17)) continue;
        found.push(first17 + check);
        if (found.length >= cap) return found;
      }
    }
  }
  return found;
}

let t: TestContext;
let station: Client;
let leader: Client;
let center: Client;
let stationOrg: OrgRef;
let target: { id: number; idNumber: string; volunteerNo: string };

async function exportRows(by: Client): Promise<Array<Record<string, string>>> {
  const res = await by.get(`/api/volunteers/export?keyword=${target.volunteerNo}`);
  expect(res.statusCode, res.body).toBe(200);
  const { header, rows } = await readSheet(res.rawPayload);
  return rows.map((values) =>
    Object.fromEntries(header.flatMap((h, i) => [[h, values[i] === undefined ? '' : String(values[i])]])),
  );
}

async function json(res: LightMyRequestResponse): Promise<Record<string, unknown>> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Record<string, unknown>;
}

/** The list item and the detail of the target as `by` sees them. */
async function views(by: Client) {
  const page = await json(await by.get(`/api/volunteers?keyword=${target.volunteerNo}`));
  const items = page.items as Array<Record<string, unknown>>;
  expect(items.map((i) => i.id)).toEqual([target.id]);
  return { item: items[0]!, detail: await json(await by.get(`/api/volunteers/${target.id}`)) };
}

/** No field carries the birth date or the sequence digits in any spelling. */
function expectNoIdDigits(text: string) {
  const birth = target.idNumber.slice(6, 14);
  expect(text).not.toContain(birth);
  expect(text).not.toContain(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`);
  expect(text).not.toContain(target.idNumber.slice(10, 17));
}

beforeAll(async () => {
  t = await createTestContext();
  const stationSession = await login(t.app, 'demo-station');
  station = as(t.app, stationSession);
  leader = as(t.app, await login(t.app, 'demo-leader'));
  center = as(t.app, await login(t.app, 'demo-center'));
  stationOrg = await orgOfUser(t.ctx.db.system, 'demo-station');
  // the attacker's guess comes from the org tree: the centre is named after the county
  const centre = await t.ctx.db.system
    .selectFrom('orgs')
    .select('name')
    .where('kind', '=', 'center')
    .executeTakeFirstOrThrow();
  expect(centre.name).toContain('西乡县');

  // a 35-year-old from the county, in a 小队 under the team the leader leads (their data scope)
  const idNumber = idNumberFor(birthDateYearsAgo(35, 100), 357);
  const created = await createVolunteer(t, stationSession, stationOrg.id, { idNumber });
  target = { id: created.id, idNumber, volunteerNo: created.volunteerNo };
  const { team_id: leadersTeam } = await t.ctx.db.system
    .selectFrom('users')
    .select('team_id')
    .where('username', '=', 'demo-leader')
    .executeTakeFirstOrThrow();
  expect(leadersTeam).not.toBeNull();
  const team = await station.post('/api/teams', {
    orgId: stationOrg.id,
    name: `测试小队${uniqueCode('')}`,
    tier: 'squad',
    kind: 'regular',
    parentId: leadersTeam,
  });
  expect(team.statusCode, team.body).toBe(200);
  const members = await station.post(`/api/teams/${(team.json() as { id: number }).id}/members`, {
    volunteerIds: [target.id],
  });
  expect(members.statusCode, members.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('rebuilding an ID number from a masked view', () => {
  it('finds exactly one candidate from the old mask with the birth date and gender (the enumeration works)', () => {
    const id = target.idNumber;
    const old: Knowledge = {
      idNumber: `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`,
      gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    };
    expect(rebuild(old, [COUNTY_CODE], t.ctx.now())).toEqual([id]);
  });

  for (const [role, by] of [
    ['a station admin', () => station],
    ['a team leader', () => leader],
  ] as const) {
    it(`leaves ${role} many candidates from the list and the detail, together`, async () => {
      const { item, detail } = await views(by());
      for (const view of [item, detail]) {
        const known = fromJson(view);
        expect(rebuild(known, [COUNTY_CODE], t.ctx.now()).length).toBeGreaterThanOrEqual(MANY);
        expect(known.birthDate ?? null).toBeNull();
        expect(known.age ?? null).toBeNull();
        expectNoIdDigits(JSON.stringify(view));
      }
      // the list and the detail together say no more than each alone
      const both = { ...fromJson(item), ...fromJson(detail) };
      expect(rebuild(both, [COUNTY_CODE], t.ctx.now()).length).toBeGreaterThanOrEqual(MANY);
    });
  }

  it('leaves a station admin many candidates from the masked export', async () => {
    const rows = await exportRows(station);
    expect(rows).toHaveLength(1);
    expect(rebuild(fromRow(rows[0]!), [COUNTY_CODE], t.ctx.now()).length).toBeGreaterThanOrEqual(MANY);
    expectNoIdDigits(JSON.stringify(rows[0]));
  });

  it('leaves even the centre admin, who sees the birth date, dozens of candidates without the audited reveal', async () => {
    const { item, detail } = await views(center);
    for (const known of [fromJson(item), fromJson(detail)]) {
      expect(known.birthDate).toBe(
        `${target.idNumber.slice(6, 10)}-${target.idNumber.slice(10, 12)}-${target.idNumber.slice(12, 14)}`,
      );
      const candidates = rebuild(known, [COUNTY_CODE], t.ctx.now());
      expect(candidates).toContain(target.idNumber);
      expect(candidates.length).toBeGreaterThan(10);
    }
    // a masked file travels: it has the age range, as a station admin's
    const rows = await exportRows(center);
    expect(rebuild(fromRow(rows[0]!), [COUNTY_CODE], t.ctx.now()).length).toBeGreaterThanOrEqual(MANY);
    expectNoIdDigits(JSON.stringify(rows[0]));
  });
});
