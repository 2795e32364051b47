// Owns volunteers: real-name records of the people who serve, with their ID number and phone
// SM4-encrypted (blind-indexed for duplicates and look-ups), shown masked everywhere; revealing one
// is a permission and is audited. A volunteer belongs to their residence org (a village or
// community station), whose subtree's admins manage them; a team leader reads the active members of
// the team they lead.
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import {
  AGE_RANGE_LABELS,
  ageOn,
  ageRangeOf,
  AVAILABILITY_LABELS,
  GENDER_LABELS,
  POLITICAL_STATUS_LABELS,
  SERVICE_CATEGORY_LABELS,
  SKILL_LABELS,
  STAR_THRESHOLDS,
  VOLUNTEER_CATEGORY_LABELS,
  VOLUNTEER_STATUS_LABELS,
  maskIdNumber,
  maskMobile,
  PRIVACY_POLICY_VERSION,
} from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import {
  auditAction,
  auditActor,
  inActorScope,
  requirePermission,
  type Actor,
  type AuditTarget,
} from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { DUPLICATE_ID_MESSAGE, requirePerson, sealPerson, volunteerPhoneTaken } from './volunteer-rules.ts';
import {
  detailOf,
  listItemOf,
  membershipsOf,
  selectVolunteers,
  birthDisclosure,
  volunteerDetailRow,
  volunteerPhotoPath,
  type VolunteerRow,
} from './volunteer-view.ts';
import type {
  RevealField,
  UpdateVolunteerInput,
  VolunteerDetail,
  VolunteerFilters,
  VolunteerInput,
  VolunteerListQuery,
} from './volunteers.schema.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import { updateVolunteerAccount } from '../accounts/index.ts';
import { inTeams, ledTeamIds } from '../teams/index.ts';

const EXPORT_LIMIT = 100_000;

export async function findResidenceOrg(tx: Tx, orgId: number) {
  const org = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'kind', 'status'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw new NotFound('所属村（社区）不存在或不在您的数据范围内');
  if (org.kind !== 'station') throw new Invalid('所属单位应为村（社区）新时代文明实践站', 'NOT_A_STATION');
  if (org.status !== 'active') throw new Invalid('所属村（社区）已归档', 'ORG_ARCHIVED');
  return org;
}

/** True when the ID number is already registered anywhere in the county (beyond the caller's scope). */
export async function takenIdIndexes(tx: Tx, indexes: string[]): Promise<Set<string>> {
  if (indexes.length === 0) return new Set();
  const { rows } = await sql<{ idx: string }>`
    SELECT volunteer_id_numbers_taken AS idx FROM volunteer_id_numbers_taken(${indexes}::text[])`.execute(tx);
  return new Set(rows.map((r) => r.idx));
}

function profileColumns(input: Partial<VolunteerInput>) {
  return {
    political_status: input.politicalStatus,
    categories: input.categories,
    skills: input.skills,
    skills_note: input.skillsNote,
    service_categories: input.serviceCategories,
    availability: input.availability,
  };
}

/** `v` is an active member of one of `teams` (a team leader's roster). */
const activeMemberOf = (teams: readonly number[]) =>
  sql<boolean>`EXISTS (SELECT 1 FROM team_members m WHERE m.volunteer_id = v.id AND m.status = 'active'
    AND ${inTeams('m.team_id', teams)})`;

export function createVolunteersService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  const audit = (
    tx: Tx,
    actor: Actor,
    action: string,
    row: AuditTarget,
    summary: Record<string, unknown> = {},
  ) => auditAction(tx, actor, action, 'volunteer', row, summary, ctx.now());

  /**
   * The register a caller sees: "volunteers of my subtree" (RLS alone would also show members of my
   * teams); for a team leader, the active members of their team and its sub-teams.
   */
  async function filtered(tx: Tx, actor: Actor, q: VolunteerFilters) {
    const teams = await ledTeamIds(tx, actor);
    let query = teams
      ? selectVolunteers(tx).where(activeMemberOf(teams))
      : selectVolunteers(tx).where(sql<boolean>`v.org_path <@ ${actor.orgPath}::ltree`);
    if (q.keyword) {
      const like = containsPattern(q.keyword);
      query = query.where((eb) =>
        eb.or([eb('v.name', 'ilike', like), eb('v.volunteer_no', '=', q.keyword!.toUpperCase())]),
      );
    }
    if (q.phoneTail) query = query.where('v.phone_tail', '=', q.phoneTail);
    if (q.skill) query = query.where(sql<boolean>`v.skills @> ARRAY[${q.skill}]::text[]`);
    if (q.category) query = query.where(sql<boolean>`v.categories @> ARRAY[${q.category}]::text[]`);
    if (q.serviceCategory) {
      query = query.where(sql<boolean>`v.service_categories @> ARRAY[${q.serviceCategory}]::text[]`);
    }
    if (q.politicalStatus) query = query.where('v.political_status', '=', q.politicalStatus);
    if (q.status) query = query.where('v.status', '=', q.status);
    if (q.isMinor !== undefined) {
      // minor status changes with time, so it is derived from the birth date, not stored
      const adultBorn = sql<boolean>`v.birth_date > (${ctx.now()}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - interval '18 years'`;
      query = query.where(q.isMinor ? adultBorn : sql<boolean>`NOT (${adultBorn})`);
    }
    if (q.starLevel !== undefined) {
      const low = q.starLevel === 0 ? 0 : STAR_THRESHOLDS[q.starLevel - 1]!;
      const high = STAR_THRESHOLDS[q.starLevel];
      query = query.where('v.lifetime_hours', '>=', low);
      if (high !== undefined) query = query.where('v.lifetime_hours', '<', high);
    }
    if (q.orgId) {
      query = query.where(sql<boolean>`v.org_path <@ (SELECT p.path FROM orgs p WHERE p.id = ${q.orgId})`);
    }
    if (q.teamId) {
      query = query.where(
        sql<boolean>`EXISTS (SELECT 1 FROM team_members m WHERE m.volunteer_id = v.id
          AND m.team_id = ${q.teamId} AND m.status = 'active')`,
      );
    }
    return query;
  }

  async function findVisible(tx: Tx, id: number): Promise<VolunteerRow> {
    const row = (await selectVolunteers(tx).where('v.id', '=', id).executeTakeFirst()) as
      VolunteerRow | undefined;
    if (!row) throw new NotFound('志愿者不存在或不在您的数据范围内');
    return row;
  }

  /** A volunteer the caller may change: in their own subtree, not just a member of one of their teams. */
  async function findManaged(tx: Tx, actor: Actor, id: number): Promise<VolunteerRow> {
    const row = await findVisible(tx, id);
    if (!inActorScope(actor, row.org_path)) throw new NotFound('志愿者不存在或不在您的数据范围内');
    return row;
  }

  async function detail(tx: Tx, actor: Actor, id: number): Promise<VolunteerDetail> {
    const row = await volunteerDetailRow(tx, id);
    if (!row) throw new NotFound('志愿者不存在或不在您的数据范围内');
    const teams = await ledTeamIds(tx, actor);
    if (teams) {
      // a team leader reads their members only (RLS also lets them name their activities' participants)
      const member = await tx
        .selectFrom('volunteers as v')
        .select('v.id')
        .where('v.id', '=', id)
        .where(activeMemberOf(teams))
        .executeTakeFirst();
      if (!member) throw new NotFound('志愿者不存在或不在您的数据范围内');
    }
    // the photo is for the admins of the volunteer's own org or above, not a team leader who sees a member
    const photoPath = !teams && inActorScope(actor, row.org_path) ? volunteerPhotoPath(id) : null;
    return detailOf(
      ctx.cipher,
      row,
      await membershipsOf(tx, id),
      ctx.now(),
      birthDisclosure(actor, row),
      photoPath,
    );
  }

  async function ensureUnique(tx: Tx, index: string, exceptId?: number) {
    const taken = await takenIdIndexes(tx, [index]);
    if (!taken.has(index)) return;
    if (exceptId !== undefined) {
      const own = await tx
        .selectFrom('volunteers')
        .select('id')
        .where('id', '=', exceptId)
        .where('id_number_index', '=', index)
        .executeTakeFirst();
      if (own) return;
    }
    throw new Conflict(DUPLICATE_ID_MESSAGE, 'DUPLICATE_ID_NUMBER');
  }

  /** A volunteer logs in with their phone, so correcting it moves the login too. */
  async function moveLoginPhone(tx: Tx, userId: number, phoneEnc: string, index: string, now: Date) {
    if (await volunteerPhoneTaken(ctx.db.system, index, userId))
      throw new Conflict('该手机号已绑定其他志愿者账号', 'DUPLICATE_PHONE');
    await updateVolunteerAccount(tx, userId, { phone: { enc: phoneEnc, index } }, now);
  }

  return {
    async list(actor: Actor, q: VolunteerListQuery) {
      return run(actor, async (tx) => {
        const base = await filtered(tx, actor, q);
        const { rows, total } = await pageOf(base.orderBy('v.id', 'desc'), q);
        const now = ctx.now();
        const items = (rows as VolunteerRow[]).map((r) =>
          listItemOf(ctx.cipher, r, now, birthDisclosure(actor, r)),
        );
        return { items, total };
      });
    },

    get: (actor: Actor, id: number) => run(actor, (tx) => detail(tx, actor, id)),

    async create(actor: Actor, input: VolunteerInput) {
      const now = ctx.now();
      const person = requirePerson(input, now);
      return run(actor, async (tx) => {
        const org = await findResidenceOrg(tx, input.orgId);
        const sealed = sealPerson(ctx.cipher, person, now);
        await ensureUnique(tx, sealed.id_number_index);
        const row = await tx
          .insertInto('volunteers')
          .values({
            ...sealed,
            ...profileColumns(input),
            political_status: input.politicalStatus,
            org_id: org.id,
            org_path: org.path,
            consent_version: PRIVACY_POLICY_VERSION,
            consent_at: now,
            consent_channel: 'offline',
            source: 'admin',
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning(['id', 'org_id', 'org_path', 'volunteer_no'])
          .executeTakeFirstOrThrow();
        await audit(tx, actor, 'volunteer.create', row, { volunteerNo: row.volunteer_no });
        return detail(tx, actor, row.id);
      });
    },

    async update(actor: Actor, id: number, input: UpdateVolunteerInput) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const current = await findManaged(tx, actor, id);
        if (current.status === 'withdrawn')
          throw new Conflict('该志愿者已注销，不能修改', 'VOLUNTEER_WITHDRAWN');
        const changes: Record<string, unknown> = { ...profileColumns(input), updated_at: now };
        const identityTouched =
          input.name !== undefined ||
          input.idNumber !== undefined ||
          input.phone !== undefined ||
          input.guardian !== undefined;
        if (identityTouched) {
          const person = requirePerson(
            {
              name: input.name ?? current.name,
              idNumber: input.idNumber ?? ctx.cipher.decrypt(current.id_number_enc),
              phone: input.phone ?? (current.phone_enc ? ctx.cipher.decrypt(current.phone_enc) : ''),
              guardian:
                input.guardian !== undefined
                  ? input.guardian
                  : current.guardian_name
                    ? {
                        name: current.guardian_name,
                        phone: current.guardian_phone_enc
                          ? ctx.cipher.decrypt(current.guardian_phone_enc)
                          : '',
                        consent: current.guardian_consent_at !== null,
                      }
                    : null,
            },
            now,
          );
          const sealed = sealPerson(ctx.cipher, person, now);
          await ensureUnique(tx, sealed.id_number_index, id);
          // keep the original consent time when the same guardian stays on record
          if (current.guardian_consent_at && input.guardian === undefined) {
            sealed.guardian_consent_at = current.guardian_consent_at;
          }
          Object.assign(changes, sealed);
          if (current.user_id && sealed.phone_index !== current.phone_index) {
            await moveLoginPhone(tx, current.user_id, sealed.phone_enc, sealed.phone_index, now);
          }
        }
        if (input.orgId !== undefined && input.orgId !== current.org_id) {
          const org = await findResidenceOrg(tx, input.orgId);
          Object.assign(changes, { org_id: org.id, org_path: org.path });
          if (current.user_id) {
            await updateVolunteerAccount(tx, current.user_id, { org: { id: org.id, path: org.path } }, now);
          }
        }
        await tx.updateTable('volunteers').set(changes).where('id', '=', id).execute();
        if (current.user_id && input.name !== undefined) {
          await updateVolunteerAccount(tx, current.user_id, { displayName: input.name.trim() }, now);
        }
        const fields = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
        await audit(
          tx,
          actor,
          'volunteer.update',
          { id, org_id: current.org_id, org_path: current.org_path },
          { fields },
        );
        return detail(tx, actor, id);
      });
    },

    async setSuspended(actor: Actor, id: number, suspended: boolean, reason?: string) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const current = await findManaged(tx, actor, id);
        if (current.status === 'withdrawn') throw new Conflict('该志愿者已注销', 'VOLUNTEER_WITHDRAWN');
        if (suspended === (current.status === 'suspended')) {
          throw new Conflict(suspended ? '该志愿者已处于暂停状态' : '该志愿者未被暂停', 'STATUS_UNCHANGED');
        }
        await tx
          .updateTable('volunteers')
          .set({
            status: suspended ? 'suspended' : 'active',
            status_reason: suspended ? reason! : null,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await audit(
          tx,
          actor,
          suspended ? 'volunteer.suspend' : 'volunteer.reactivate',
          current,
          suspended ? { reason } : {},
        );
        return detail(tx, actor, id);
      });
    },

    async reveal(actor: Actor, id: number, field: RevealField) {
      return run(actor, async (tx) => {
        const row = await findManaged(tx, actor, id);
        const sealed = {
          idNumber: row.id_number_enc,
          phone: row.phone_enc,
          guardianPhone: row.guardian_phone_enc,
        }[field];
        if (!sealed) throw new NotFound('该项信息未登记');
        const value = ctx.cipher.decrypt(sealed);
        await audit(tx, actor, 'volunteer.reveal', row, { field });
        return { value };
      });
    },

    async exportXlsx(actor: Actor, q: VolunteerFilters & { unmasked?: boolean | undefined }) {
      if (q.unmasked) requirePermission(actor, 'volunteer.unmask');
      return run(actor, async (tx) => {
        const base = await filtered(tx, actor, q);
        // more rows than one file takes are refused with the count, never cut off silently
        const { n } = await base
          .clearSelect()
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow();
        if (n > EXPORT_LIMIT)
          throw new Invalid(
            `符合条件的志愿者有 ${n} 名，超过一次导出的上限 ${EXPORT_LIMIT} 名，请按单位或条件缩小范围后分批导出`,
            'EXPORT_TOO_LARGE',
          );
        const rows = (await base.orderBy('v.id').execute()) as VolunteerRow[];
        const workbook = new ExcelJS.Workbook();
        workbook.creator = '文明实践云平台';
        const sheet = workbook.addWorksheet('志愿者');
        sheet.columns = [
          { header: '志愿者编号', key: 'no', width: 16 },
          { header: '姓名', key: 'name', width: 10 },
          { header: '性别', key: 'gender', width: 6 },
          // a masked file travels: the birth date would give 8 of the masked digits back
          q.unmasked
            ? { header: '出生日期', key: 'birth', width: 12 }
            : { header: '年龄段', key: 'birth', width: 12 },
          { header: '身份证号', key: 'id', width: 22 },
          { header: '手机号', key: 'phone', width: 14 },
          { header: '所属单位', key: 'org', width: 28 },
          { header: '政治面貌', key: 'political', width: 12 },
          { header: '志愿者类别', key: 'categories', width: 20 },
          { header: '专长', key: 'skills', width: 20 },
          { header: '服务类别', key: 'services', width: 20 },
          { header: '可服务时间', key: 'availability', width: 16 },
          { header: '累计时长(小时)', key: 'hours', width: 14 },
          { header: '状态', key: 'status', width: 8 },
        ];
        const now = ctx.now();
        const labels = (codes: string[], dict: Record<string, string>) =>
          codes.map((c) => dict[c] ?? c).join('、');
        for (const r of rows) {
          const id = ctx.cipher.decrypt(r.id_number_enc);
          const phone = r.phone_enc ? ctx.cipher.decrypt(r.phone_enc) : '';
          sheet.addRow({
            no: r.volunteer_no,
            name: r.name,
            gender: GENDER_LABELS[r.gender as 'male'],
            birth: q.unmasked ? r.birth_date : AGE_RANGE_LABELS[ageRangeOf(ageOn(r.birth_date, now))],
            id: q.unmasked ? id : maskIdNumber(id),
            phone: q.unmasked ? phone : phone && maskMobile(phone),
            org: r.org_name,
            political: POLITICAL_STATUS_LABELS[r.political_status as 'masses'] ?? r.political_status,
            categories: labels(r.categories, VOLUNTEER_CATEGORY_LABELS),
            skills: labels(r.skills, SKILL_LABELS),
            services: labels(r.service_categories, SERVICE_CATEGORY_LABELS),
            availability: labels(r.availability, AVAILABILITY_LABELS),
            hours: r.lifetime_hours,
            status: VOLUNTEER_STATUS_LABELS[r.status as 'active'] ?? r.status,
          });
        }
        sheet.getRow(1).font = { bold: true };
        await appendAudit(
          tx,
          {
            actor: auditActor(actor),
            action: 'volunteer.export',
            resourceType: 'volunteer',
            orgId: actor.orgId,
            orgPath: actor.orgPath,
            ip: actor.ip,
            summary: { rows: rows.length, unmasked: Boolean(q.unmasked) },
          },
          ctx.now(),
        );
        return Buffer.from(await workbook.xlsx.writeBuffer());
      });
    },
  };
}
