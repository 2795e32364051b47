// A resident's own side of volunteering, on H5: registering (real name, with consent recorded),
// their profile, and withdrawing consent. Registration happens before there is an account, so it
// runs on the system connection like login does; everything afterwards runs in the volunteer's own
// scope (see inVolunteerScope), so row-level security also keeps them to their own record.
import { sql } from 'kysely';
import { passwordPolicyViolation, PRIVACY_POLICY_VERSION } from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditAction, type Actor } from '../../platform/auth/actor.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { createSession, deleteUserSessions } from '../../platform/auth/sessions.ts';
import { sessionPolicy } from '../../platform/auth/plugin.ts';
import { inOwnVolunteerScope, type SelfVolunteer } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid } from '../../platform/errors.ts';
import { phoneIndex } from '../../platform/personal-data.ts';
import {
  REGISTRATION_REFUSED_MESSAGE,
  requirePerson,
  sealPerson,
  volunteerPhoneTaken,
} from './volunteer-rules.ts';
import { fileRejoinRequest } from './rejoin.service.ts';
import { detailOf, membershipsOf, ownPhotoPath, volunteerDetailRow } from './volunteer-view.ts';
import { findResidenceOrg } from './volunteers.service.ts';
import type { RegisterInput, SelfUpdateInput } from './volunteers.schema.ts';
import { idNumberIndex } from './identity.ts';
import { closeVolunteerAccount, openVolunteerAccount, updateVolunteerAccount } from '../accounts/index.ts';
import { leaveAllTeams } from '../teams/index.ts';

export function createSelfService(ctx: AppContext) {
  const asVolunteer = <T>(actor: Actor, work: (tx: Tx, me: SelfVolunteer) => Promise<T>) =>
    inOwnVolunteerScope(ctx, actor, work);

  async function detail(tx: Tx, id: number) {
    const row = await volunteerDetailRow(tx, id);
    if (!row) throw new Forbidden('您还不是志愿者，请先注册', 'NOT_A_VOLUNTEER');
    // the volunteer's own birth date is theirs to see
    return detailOf(ctx.cipher, row, await membershipsOf(tx, id), ctx.now(), 'date', ownPhotoPath);
  }

  return {
    asVolunteer,

    /** Towns (institutes) with their villages/communities (stations): the residence picker. */
    async residenceOrgs() {
      const rows = await ctx.db.system
        .selectFrom('orgs')
        .select(['id', 'parent_id', 'short_name', 'kind'])
        .where('status', '=', 'active')
        .where('kind', 'in', ['institute', 'station'])
        .orderBy(sql`string_to_array(path::text, '.')::bigint[]`)
        .execute();
      const towns = new Map<number, { id: number; name: string; children: { id: number; name: string }[] }>();
      for (const r of rows)
        if (r.kind === 'institute') towns.set(r.id, { id: r.id, name: r.short_name, children: [] });
      for (const r of rows) {
        if (r.kind === 'station' && r.parent_id !== null)
          towns.get(r.parent_id)?.children.push({ id: r.id, name: r.short_name });
      }
      return [...towns.values()].filter((t) => t.children.length > 0);
    },

    async register(input: RegisterInput, meta: { ip: string; userAgent: string | undefined }) {
      if (input.privacyVersion !== PRIVACY_POLICY_VERSION) {
        throw new Invalid('隐私政策已更新，请刷新页面阅读后重新同意', 'PRIVACY_VERSION');
      }
      const now = ctx.now();
      const person = requirePerson(input, now);
      const weak = passwordPolicyViolation(input.password, person.phone);
      if (weak) throw new Invalid(weak, 'WEAK_PASSWORD');
      const passwordHash = await hashPassword(input.password);
      const db = ctx.db.system;
      const result = await db.transaction().execute(async (tx): Promise<{ userId: number } | null> => {
        // one registration per ID number at a time, across servers
        const index = idNumberIndex(ctx.cipher, person.id.normalized);
        await sql`SELECT pg_advisory_xact_lock(hashtext(${index}))`.execute(tx);
        const org = await findResidenceOrg(tx, input.orgId);
        const phoneIdx = phoneIndex(ctx.cipher, person.phone);
        const sealed = sealPerson(ctx.cipher, person, now);
        const existing = await tx
          .selectFrom('volunteers')
          .selectAll()
          .where('id_number_index', '=', index)
          .executeTakeFirst();
        // Name and ID number are no proof (both are on paper in many hands): the phone on record
        // is. With it an imported volunteer activates their record and someone who withdrew comes
        // back (a fresh consent); the same person without it asks their station (a rejoin request).
        const samePerson = existing?.name === person.name && existing.phone_index === phoneIdx;
        const activating = samePerson && existing.user_id === null && existing.status === 'active';
        const returning = samePerson && existing.status === 'withdrawn';
        const phoneTaken = await volunteerPhoneTaken(tx, phoneIdx, existing?.user_id);
        if (existing && !activating && !returning) {
          if (existing.status === 'withdrawn' && existing.name === person.name && !phoneTaken) {
            await fileRejoinRequest(ctx, tx, existing, { input, person, passwordHash, ip: meta.ip }, now);
          }
          return null;
        }
        if (phoneTaken) return null;

        const profile = {
          political_status: input.politicalStatus,
          categories: input.categories ?? [],
          skills: input.skills ?? [],
          skills_note: input.skillsNote ?? null,
          service_categories: input.serviceCategories ?? [],
          availability: input.availability ?? [],
          consent_version: input.privacyVersion,
          consent_at: now,
          consent_channel: 'online',
          updated_at: now,
        };
        const volunteer = existing
          ? await tx
              .updateTable('volunteers')
              .set({
                ...profile,
                ...sealed,
                org_id: org.id,
                org_path: org.path,
                status: 'active',
                status_reason: null,
                // an erasure request stays on record: it was the person's, and is theirs alone
                consent_withdrawn_at: null,
              })
              .where('id', '=', existing.id)
              .returning(['id', 'volunteer_no', 'org_id', 'org_path'])
              .executeTakeFirstOrThrow()
          : await tx
              .insertInto('volunteers')
              .values({
                ...sealed,
                ...profile,
                org_id: org.id,
                org_path: org.path,
                source: 'self',
                created_at: now,
              })
              .returning(['id', 'volunteer_no', 'org_id', 'org_path'])
              .executeTakeFirstOrThrow();
        const user = await openVolunteerAccount(
          tx,
          existing?.user_id ?? null,
          volunteer.volunteer_no,
          {
            displayName: person.name,
            phoneEnc: sealed.phone_enc,
            phoneIndex: phoneIdx,
            passwordHash,
            org: { id: org.id, path: org.path },
          },
          now,
        );
        await tx.updateTable('volunteers').set({ user_id: user.id }).where('id', '=', volunteer.id).execute();
        await appendAudit(
          tx,
          {
            actor: { userId: user.id, username: user.username, role: 'volunteer' },
            action: returning ? 'volunteer.rejoin' : activating ? 'volunteer.activate' : 'volunteer.register',
            resourceType: 'volunteer',
            resourceId: volunteer.id,
            orgId: org.id,
            orgPath: org.path,
            ip: meta.ip,
            summary: { consentVersion: input.privacyVersion, minor: person.isMinor },
          },
          now,
        );
        return { userId: user.id };
      });
      // committed first: a refusal may have filed a rejoin request. One answer for every refusal,
      // so a stranger learns nothing about whose ID number or phone it is.
      if (!result) throw new Conflict(REGISTRATION_REFUSED_MESSAGE, 'ALREADY_REGISTERED');
      return createSession(db, sessionPolicy(ctx), result.userId, meta, now);
    },

    me: (actor: Actor) => asVolunteer(actor, (tx, me) => detail(tx, me.id)),

    async updateMe(actor: Actor, input: SelfUpdateInput) {
      const now = ctx.now();
      return asVolunteer(actor, async (tx, me) => {
        const changes: Record<string, unknown> = {
          political_status: input.politicalStatus,
          categories: input.categories,
          skills: input.skills,
          skills_note: input.skillsNote,
          service_categories: input.serviceCategories,
          availability: input.availability,
          updated_at: now,
        };
        if (input.phone !== undefined) {
          const current = await tx
            .selectFrom('volunteers')
            .selectAll()
            .where('id', '=', me.id)
            .executeTakeFirstOrThrow();
          const person = requirePerson(
            {
              name: current.name,
              idNumber: ctx.cipher.decrypt(current.id_number_enc),
              phone: input.phone,
              guardian: current.guardian_name
                ? {
                    name: current.guardian_name,
                    phone: ctx.cipher.decrypt(current.guardian_phone_enc!),
                    consent: true,
                  }
                : null,
            },
            now,
          );
          const idx = phoneIndex(ctx.cipher, person.phone);
          const taken = await volunteerPhoneTaken(ctx.db.system, idx, actor.userId);
          if (taken) throw new Conflict('该手机号已绑定其他志愿者账号', 'DUPLICATE_PHONE');
          const phoneEnc = ctx.cipher.encrypt(person.phone);
          Object.assign(changes, {
            phone_enc: phoneEnc,
            phone_index: idx,
            phone_tail: person.phone.slice(-4),
          });
          await updateVolunteerAccount(tx, actor.userId, { phone: { enc: phoneEnc, index: idx } }, now);
        }
        await tx.updateTable('volunteers').set(changes).where('id', '=', me.id).execute();
        await auditAction(
          tx,
          actor,
          'volunteer.self_update',
          'volunteer',
          { id: me.id, org_id: actor.orgId, org_path: me.orgPath },
          { fields: Object.keys(input) },
          now,
        );
        return detail(tx, me.id);
      });
    },

    /**
     * Withdraws consent: the record stops being used (no listing as active, no matching, no login)
     * and, when erasure is asked for, contact data and preferences are wiped. Name, volunteer
     * number and ID number stay because service records must be kept (志愿服务条例 第二十条).
     */
    async withdraw(actor: Actor, erase: boolean) {
      const now = ctx.now();
      await asVolunteer(actor, async (tx, me) => {
        await tx
          .updateTable('volunteers')
          .set({
            status: 'withdrawn',
            status_reason: erase ? '本人撤回授权并申请删除个人信息' : '本人撤回授权',
            consent_withdrawn_at: now,
            updated_at: now,
            ...(erase
              ? {
                  erasure_requested_at: now,
                  phone_enc: null,
                  phone_index: null,
                  phone_tail: null,
                  guardian_phone_enc: null,
                  skills: [],
                  skills_note: null,
                  service_categories: [],
                  availability: [],
                  categories: [],
                }
              : {}),
          })
          .where('id', '=', me.id)
          .execute();
        await leaveAllTeams(tx, me.id, now);
        await closeVolunteerAccount(tx, actor.userId, now);
        await auditAction(
          tx,
          actor,
          'volunteer.withdraw',
          'volunteer',
          { id: me.id, org_id: actor.orgId, org_path: me.orgPath },
          { erase },
          now,
        );
      });
      await deleteUserSessions(ctx.db.system, actor.userId);
    },
  };
}
