// Honours (礼遇褒奖): the yearly lists of an org subtree's volunteers by hours and by points under
// the sample rules of ranking.ts, their Excel export for 评先评优 and 党员积分 reference (masked,
// audited), and the privileges an org grants to star volunteers. The figures come from the owning
// modules (hours, points, volunteers) through their index.ts; this module owns honour_privileges.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import {
  HONOUR_MIN_HOURS,
  HOUSEHOLD_HONOUR_MIN_AWARDS,
  HOUSEHOLD_HONOUR_RULES,
  partyRequirement,
  POLITICAL_STATUS_LABELS,
} from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { volunteerYearHours } from '../hours/index.ts';
import { householdHonourCandidates, type HouseholdHonourCandidate } from '../households/index.ts';
import { householdYearPoints, volunteerYearPoints } from '../points/index.ts';
import {
  honourCandidates,
  maskedContacts,
  ownStarLevel,
  type HonourCandidate,
  type MaskedContact,
} from '../volunteers/index.ts';
import type {
  PrivilegeInput,
  PrivilegePatch,
  PrivilegeView,
  HouseholdRankingView,
  RankedVolunteer,
  RankingQuery,
  RankingView,
} from './honours.schema.ts';
import { ownMilestones } from './milestones.ts';
import {
  exclusionOf,
  householdExclusionOf,
  rankByHours,
  rankByPoints,
  rankHouseholds,
  type YearFigures,
} from './ranking.ts';

type Figured = HonourCandidate & YearFigures;
type FiguredHousehold = HouseholdHonourCandidate & { yearPoints: number };

interface PrivilegeRow {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  name: string;
  description: string;
  min_star: number;
  active: boolean;
  updated_at: Date;
}

function privilegeViewOf(r: PrivilegeRow): PrivilegeView {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    description: r.description,
    minStar: r.min_star,
    active: r.active,
    updatedAt: isoTimestamp(r.updated_at),
  };
}

function selectPrivileges(tx: Tx) {
  return tx
    .selectFrom('honour_privileges as p')
    .select([
      'p.id',
      'p.org_id',
      'p.org_path',
      sql<string>`org_name(p.org_id)`.as('org_name'),
      'p.name',
      'p.description',
      'p.min_star',
      'p.active',
      'p.updated_at',
    ]);
}

const NO_CONTACT: MaskedContact = { phoneMasked: null, idNumberMasked: '' };

function rankedOf(list: Figured[], top: number, contacts: Map<number, MaskedContact>): RankedVolunteer[] {
  return list.slice(0, top).map((v, i) => ({
    rank: i + 1,
    volunteerId: v.id,
    volunteerNo: v.volunteerNo,
    name: v.name,
    orgName: v.orgName,
    yearHours: v.yearHours,
    yearPoints: v.yearPoints,
    records: v.records,
    lifetimeHours: v.lifetimeHours,
    starLevel: v.starLevel,
    phoneMasked: contacts.get(v.id)?.phoneMasked ?? null,
  }));
}

export function createHonoursService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function findOrg(tx: Tx, actor: Actor, orgId: number) {
    const org = await tx
      .selectFrom('orgs')
      .select(['id', 'path', 'name'])
      .where('id', '=', orgId)
      .executeTakeFirst();
    if (!org || !inActorScope(actor, org.path)) throw new NotFound('单位不存在或不在您的数据范围内');
    return org;
  }

  async function findPrivilege(tx: Tx, actor: Actor, id: number): Promise<PrivilegeRow> {
    const row = await selectPrivileges(tx).where('p.id', '=', id).executeTakeFirst();
    if (!row || !inActorScope(actor, row.org_path)) throw new NotFound('礼遇不存在或不在您的数据范围内');
    return row;
  }

  /** Every volunteer of the subtree with the year's figures. */
  async function figures(tx: Tx, orgPath: string, year: number): Promise<Figured[]> {
    const people = await honourCandidates(tx, orgPath);
    const ids = people.map((p) => p.id);
    const hours = await volunteerYearHours(tx, ids, year);
    const points = await volunteerYearPoints(tx, ids, year);
    return people.map((p) => {
      const h = hours.get(p.id);
      return {
        ...p,
        yearHours: h?.hours ?? 0,
        yearPoints: points.get(p.id) ?? 0,
        records: h?.records ?? 0,
        pending: h?.pending ?? 0,
        rejected: h?.rejected ?? 0,
      };
    });
  }

  /** 文明户榜: the subtree's households with the year's points, ranked under the sample rules. */
  async function householdRanking(tx: Tx, orgPath: string, year: number) {
    const people = await householdHonourCandidates(tx, orgPath, year);
    const points = await householdYearPoints(
      tx,
      people.map((h) => h.id),
      year,
    );
    const all: FiguredHousehold[] = people.map((h) => ({ ...h, yearPoints: points.get(h.id) ?? 0 }));
    const exclusions = all.map((h) => householdExclusionOf(h));
    const ranked = rankHouseholds(all.filter((_, i) => exclusions[i] === null));
    return {
      ranked,
      summary: {
        minAwards: HOUSEHOLD_HONOUR_MIN_AWARDS,
        candidates: all.length,
        eligible: ranked.length,
        excludedTooFewAwards: exclusions.filter((e) => e === 'too_few_awards').length,
        excludedVoided: exclusions.filter((e) => e === 'voided').length,
      },
    };
  }

  async function rankingIn(tx: Tx, actor: Actor, q: RankingQuery, withParty = false) {
    const org = await findOrg(tx, actor, q.orgId ?? actor.orgId);
    const all = await figures(tx, org.path, q.year);
    const exclusions = all.map((v) => exclusionOf(v));
    const eligible = all.filter((_, i) => exclusions[i] === null);
    const byHours = rankByHours(eligible);
    const byPoints = rankByPoints(eligible);
    const party = all
      .map((v) => ({ v, req: partyRequirement(v.politicalStatus, v.yearHours) }))
      .filter((p) => p.req !== null);
    // only the volunteers that leave the server are unsealed (and masked)
    const shown = new Set([...byHours.slice(0, q.top), ...byPoints.slice(0, q.top)].map((v) => v.id));
    if (withParty) for (const p of party) shown.add(p.v.id);
    const contacts = await maskedContacts(tx, ctx.cipher, [...shown]);
    const households = await householdRanking(tx, org.path, q.year);
    const householdView: HouseholdRankingView = {
      ...households.summary,
      byPoints: households.ranked.slice(0, q.top).map((h, i) => ({
        rank: i + 1,
        householdId: h.id,
        householdNo: h.householdNo,
        headName: h.headName,
        orgName: h.orgName,
        yearPoints: h.yearPoints,
        postedAwards: h.postedAwards,
      })),
    };
    const view: RankingView = {
      year: q.year,
      orgId: org.id,
      orgName: org.name,
      minHours: HONOUR_MIN_HOURS,
      candidates: all.length,
      eligible: eligible.length,
      excludedTooFewHours: exclusions.filter((e) => e === 'too_few_hours').length,
      excludedDisputed: exclusions.filter((e) => e === 'disputed').length,
      byHours: rankedOf(byHours, q.top, contacts),
      byPoints: rankedOf(byPoints, q.top, contacts),
      partyMembers: { total: party.length, met: party.filter((p) => p.req?.met).length },
      starCounts: [1, 2, 3, 4, 5].map((level) => ({
        level,
        count: all.filter((v) => v.starLevel === level).length,
      })),
      households: householdView,
    };
    return { org, byHours, byPoints, party, view, contacts, households: households.ranked };
  }

  return {
    rankings: (actor: Actor, q: RankingQuery) =>
      run(actor, async (tx) => (await rankingIn(tx, actor, q)).view),

    exportXlsx: (actor: Actor, q: RankingQuery) =>
      run(actor, async (tx) => {
        const { org, byHours, byPoints, party, view, contacts, households } = await rankingIn(
          tx,
          actor,
          q,
          true,
        );
        const contactOf = (id: number) => contacts.get(id) ?? NO_CONTACT;
        const workbook = new ExcelJS.Workbook();
        workbook.creator = '文明实践云平台';
        const rankColumns = [
          { header: '名次', key: 'rank', width: 6 },
          { header: '志愿者编号', key: 'no', width: 16 },
          { header: '姓名', key: 'name', width: 10 },
          { header: '所属单位', key: 'org', width: 28 },
          { header: '手机号', key: 'phone', width: 14 },
          { header: `${q.year}年确认时长(小时)`, key: 'hours', width: 18 },
          { header: `${q.year}年获得积分`, key: 'points', width: 14 },
          { header: '确认记录数', key: 'records', width: 10 },
          { header: '累计时长(小时)', key: 'lifetime', width: 14 },
          { header: '星级', key: 'star', width: 8 },
        ];
        const addRanking = (title: string, list: Figured[]) => {
          const sheet = workbook.addWorksheet(title);
          sheet.columns = rankColumns;
          list.slice(0, q.top).forEach((v, i) =>
            sheet.addRow({
              rank: i + 1,
              no: v.volunteerNo,
              name: v.name,
              org: v.orgName,
              phone: contactOf(v.id).phoneMasked ?? '',
              hours: v.yearHours,
              points: v.yearPoints,
              records: v.records,
              lifetime: v.lifetimeHours,
              star: v.starLevel > 0 ? `${v.starLevel}星` : '',
            }),
          );
          sheet.getRow(1).font = { bold: true };
        };
        addRanking('时长榜', byHours);
        addRanking('积分榜', byPoints);
        const partySheet = workbook.addWorksheet('党员积分参考');
        partySheet.columns = [
          { header: '志愿者编号', key: 'no', width: 16 },
          { header: '姓名', key: 'name', width: 10 },
          { header: '身份证号', key: 'id', width: 22 },
          { header: '手机号', key: 'phone', width: 14 },
          { header: '所属单位', key: 'org', width: 28 },
          { header: '政治面貌', key: 'political', width: 12 },
          { header: `${q.year}年确认时长(小时)`, key: 'hours', width: 18 },
          { header: '年度要求(小时)', key: 'required', width: 14 },
          { header: '尚差(小时)', key: 'remaining', width: 12 },
          { header: '是否达标', key: 'met', width: 10 },
          { header: `${q.year}年获得积分`, key: 'points', width: 14 },
        ];
        for (const { v, req } of party)
          partySheet.addRow({
            no: v.volunteerNo,
            name: v.name,
            id: contactOf(v.id).idNumberMasked,
            phone: contactOf(v.id).phoneMasked ?? '',
            org: v.orgName,
            political: POLITICAL_STATUS_LABELS[v.politicalStatus],
            hours: v.yearHours,
            required: req?.required,
            remaining: req?.remaining,
            met: req?.met ? '达标' : '未达标',
            points: v.yearPoints,
          });
        partySheet.getRow(1).font = { bold: true };
        // 文明户榜: names as the register has them; a household's phone is never exported
        const householdSheet = workbook.addWorksheet('文明户榜');
        householdSheet.columns = [
          { header: '名次', key: 'rank', width: 6 },
          { header: '户号', key: 'no', width: 10 },
          { header: '户主', key: 'head', width: 10 },
          { header: '所属村（社区）', key: 'org', width: 28 },
          { header: `${q.year}年获得积分`, key: 'points', width: 14 },
          { header: `${q.year}年记分次数`, key: 'awards', width: 14 },
        ];
        households.slice(0, q.top).forEach((h, i) =>
          householdSheet.addRow({
            rank: i + 1,
            no: h.householdNo,
            head: h.headName,
            org: h.orgName,
            points: h.yearPoints,
            awards: h.postedAwards,
          }),
        );
        householdSheet.getRow(1).font = { bold: true };
        const rules = workbook.addWorksheet('评选规则');
        rules.columns = [{ header: '说明', key: 'text', width: 90 }];
        for (const text of [
          `${view.orgName} ${q.year} 年度礼遇褒奖名单（以时长为基础、服务评价为补充）`,
          `入选条件：在册志愿者，年度确认服务时长不少于 ${HONOUR_MIN_HOURS} 小时，且年度内无被驳回或待审核的服务记录`,
          '时长榜按年度确认时长排序；积分榜按年度获得积分排序（含服务评价加分，兑换消费不扣减）',
          '并列时依次比较另一项指标、确认记录数、志愿者编号（注册先后）',
          `在册 ${view.candidates} 人，符合条件 ${view.eligible} 人；时长不足 ${view.excludedTooFewHours} 人，有争议记录 ${view.excludedDisputed} 人`,
          ...HOUSEHOLD_HONOUR_RULES,
          `在册 ${view.households.candidates} 户，符合条件 ${view.households.eligible} 户；记分不足 ${view.households.excludedTooFewAwards} 户，有作废记分 ${view.households.excludedVoided} 户`,
          '个人信息已脱敏，仅供评先评优和党员积分参考',
        ])
          rules.addRow({ text });
        rules.getRow(1).font = { bold: true };
        await auditAction(
          tx,
          actor,
          'honours.export',
          'org',
          { id: org.id, org_id: org.id, org_path: org.path },
          {
            year: q.year,
            rows: Math.min(q.top, byHours.length),
            households: Math.min(q.top, households.length),
            party: party.length,
            masked: true,
          },
          ctx.now(),
        );
        return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), orgName: org.name };
      }),

    listPrivileges: (actor: Actor, orgId: number | undefined) =>
      run(actor, async (tx) => {
        const org = await findOrg(tx, actor, orgId ?? actor.orgId);
        const rows = await selectPrivileges(tx)
          .where(sql<boolean>`p.org_path <@ ${org.path}::ltree`)
          .orderBy('p.min_star')
          .orderBy('p.id')
          .execute();
        return { items: rows.map(privilegeViewOf) };
      }),

    createPrivilege: (actor: Actor, input: PrivilegeInput) =>
      run(actor, async (tx) => {
        const org = await findOrg(tx, actor, input.orgId ?? actor.orgId);
        const now = ctx.now();
        const row = await tx
          .insertInto('honour_privileges')
          .values({
            org_id: org.id,
            org_path: org.path,
            name: input.name,
            description: input.description,
            min_star: input.minStar,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await auditAction(
          tx,
          actor,
          'honours.privilege.create',
          'honour_privilege',
          { id: row.id, org_id: org.id, org_path: org.path },
          { name: input.name, minStar: input.minStar },
          now,
        );
        return privilegeViewOf(await findPrivilege(tx, actor, row.id));
      }),

    updatePrivilege: (actor: Actor, id: number, patch: PrivilegePatch) =>
      run(actor, async (tx) => {
        const before = await findPrivilege(tx, actor, id);
        const now = ctx.now();
        await tx
          .updateTable('honour_privileges')
          .set({
            ...(patch.name !== undefined && { name: patch.name }),
            ...(patch.description !== undefined && { description: patch.description }),
            ...(patch.minStar !== undefined && { min_star: patch.minStar }),
            ...(patch.active !== undefined && { active: patch.active }),
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'honours.privilege.update',
          'honour_privilege',
          { id, org_id: before.org_id, org_path: before.org_path },
          { before: { name: before.name, minStar: before.min_star, active: before.active }, after: patch },
          now,
        );
        return privilegeViewOf(await findPrivilege(tx, actor, id));
      }),

    /** The volunteer's star level and the privileges of their org and the orgs above (H5 我的). */
    myPrivileges: (actor: Actor) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const star = await ownStarLevel(tx, me.id);
        const rows = await selectPrivileges(tx)
          .where('p.active', '=', true)
          .orderBy('p.min_star')
          .orderBy('p.id')
          .execute();
        return {
          starLevel: star.starLevel,
          lifetimeHours: star.lifetimeHours,
          milestones: await ownMilestones(tx, me.id),
          privileges: rows.map((r) => ({ ...privilegeViewOf(r), earned: star.starLevel >= r.min_star })),
        };
      }),
  };
}
