// Rejoin requests: someone registers on H5 under the name and ID number of a withdrawn volunteer
// but without the phone on record (another phone, or it was erased). Knowing a name and an ID
// number proves nothing, so the registration is refused like any other and files a request here;
// the admins of the volunteer's residence confirm it after seeing the person (their ID card, the
// phone they registered with), or reject it. Confirming reopens the record and its account with
// what the registration gave; an erasure request stays on record either way.
import { sql, type Selectable } from 'kysely';
import { ADULT_AGE, ageOn } from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import type { VolunteersTable } from '../../platform/db/schema.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { maskedPhone, phoneIndex } from '../../platform/personal-data.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { openVolunteerAccount } from '../accounts/index.ts';
import {
  birthDisclosure,
  detailOf,
  membershipsOf,
  volunteerDetailRow,
  volunteerPhotoPath,
} from './volunteer-view.ts';
import { volunteerPhoneTaken, type CheckedPerson } from './volunteer-rules.ts';
import type { RegisterInput, RejoinRequestView, VolunteerDetail } from './volunteers.schema.ts';

const NOT_FOUND = '重新加入申请不存在或不在您的数据范围内';
/** The oldest pending requests listed at once; the answer's total counts them all. */
const LIST_LIMIT = 200;

/**
 * Files (or, from the same phone, renews) a rejoin request for a withdrawn volunteer, in the
 * registration's transaction on the system connection. Audited without an actor: nobody is
 * signed in, and the request claims an identity that is not proven yet.
 */
export async function fileRejoinRequest(
  ctx: AppContext,
  tx: Tx,
  volunteer: Selectable<VolunteersTable>,
  from: { input: RegisterInput; person: CheckedPerson; passwordHash: string; ip: string },
  now: Date,
): Promise<void> {
  const { input, person } = from;
  const index = phoneIndex(ctx.cipher, person.phone);
  const values = {
    phone_enc: ctx.cipher.encrypt(person.phone),
    phone_index: index,
    phone_tail: person.phone.slice(-4),
    guardian_name: person.guardian?.name ?? null,
    guardian_phone_enc: person.guardian ? ctx.cipher.encrypt(person.guardian.phone) : null,
    political_status: input.politicalStatus,
    categories: input.categories ?? [],
    skills: input.skills ?? [],
    skills_note: input.skillsNote ?? null,
    service_categories: input.serviceCategories ?? [],
    availability: input.availability ?? [],
    consent_version: input.privacyVersion,
    password_hash: from.passwordHash,
    requested_at: now,
  };
  // the registration holds the ID number's advisory lock, so no other request races this one
  const renewed = await tx
    .updateTable('volunteer_rejoin_requests')
    .set(values)
    .where('volunteer_id', '=', volunteer.id)
    .where('phone_index', '=', index)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  const request =
    renewed ??
    (await tx
      .insertInto('volunteer_rejoin_requests')
      .values({
        ...values,
        volunteer_id: volunteer.id,
        org_id: volunteer.org_id,
        org_path: volunteer.org_path,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  await appendAudit(
    tx,
    {
      actor: null,
      action: 'volunteer.rejoin_request',
      resourceType: 'volunteer',
      resourceId: volunteer.id,
      orgId: volunteer.org_id,
      orgPath: volunteer.org_path,
      ip: from.ip,
      summary: { requestId: request.id, renewed: renewed !== undefined },
    },
    now,
  );
}

export function createRejoinService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  /** A pending request of the caller's subtree, locked for the decision. */
  async function pendingRequest(tx: Tx, actor: Actor, id: number) {
    const request = await tx
      .selectFrom('volunteer_rejoin_requests')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!request || !inActorScope(actor, request.org_path)) throw new NotFound(NOT_FOUND);
    if (request.status !== 'pending') throw new Conflict('该申请已处理', 'REJOIN_REQUEST_DECIDED');
    return request;
  }

  /** Closes the request (and its stored password) as decided by the actor. */
  async function decide(tx: Tx, actor: Actor, ids: number[], status: 'confirmed' | 'rejected', now: Date) {
    if (ids.length === 0) return;
    await tx
      .updateTable('volunteer_rejoin_requests')
      .set({ status, password_hash: null, decided_by: actor.userId, decided_at: now })
      .where('id', 'in', ids)
      .execute();
  }

  return {
    /** Pending requests of the caller's subtree, oldest first. */
    async list(actor: Actor): Promise<{ items: RejoinRequestView[]; total: number }> {
      return run(actor, async (tx) => {
        const pending = tx
          .selectFrom('volunteer_rejoin_requests as r')
          .innerJoin('volunteers as v', 'v.id', 'r.volunteer_id')
          .where('r.status', '=', 'pending')
          .where(sql<boolean>`r.org_path <@ ${actor.orgPath}::ltree`);
        // the list shows the oldest LIST_LIMIT; the total is every pending request (the page says so)
        const { n: total } = await pending
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow();
        const rows = await pending
          .select([
            'r.id',
            'r.volunteer_id',
            'r.phone_enc',
            'r.requested_at',
            'v.volunteer_no',
            'v.name',
            'v.consent_withdrawn_at',
            'v.erasure_requested_at',
          ])
          .select(sql<string>`org_name(v.org_id)`.as('org_name'))
          .orderBy('r.requested_at')
          .orderBy('r.id')
          .limit(LIST_LIMIT)
          .execute();
        const items = rows.map((r) => ({
          id: r.id,
          volunteerId: r.volunteer_id,
          volunteerNo: r.volunteer_no,
          name: r.name,
          orgName: r.org_name,
          phone: maskedPhone(ctx.cipher, r.phone_enc) ?? '***',
          requestedAt: isoTimestamp(r.requested_at),
          withdrawnAt: isoTimestamp(r.consent_withdrawn_at),
          erasureRequested: r.erasure_requested_at !== null,
        }));
        return { items, total };
      });
    },

    /**
     * The person was seen: the withdrawn record becomes active again with the registration's
     * phone, preferences and consent, and its account opens with the password they chose.
     */
    async confirm(actor: Actor, id: number): Promise<VolunteerDetail> {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const request = await pendingRequest(tx, actor, id);
        const volunteer = await tx
          .selectFrom('volunteers')
          .selectAll()
          .where('id', '=', request.volunteer_id)
          .forUpdate()
          .executeTakeFirst();
        if (!volunteer || !inActorScope(actor, volunteer.org_path)) throw new NotFound(NOT_FOUND);
        if (volunteer.status !== 'withdrawn')
          throw new Conflict('该志愿者不是注销状态，无需重新加入', 'VOLUNTEER_NOT_WITHDRAWN');
        if (await volunteerPhoneTaken(ctx.db.system, request.phone_index, volunteer.user_id))
          throw new Conflict('申请所填手机号已绑定其他志愿者账号', 'DUPLICATE_PHONE');
        const org = { id: volunteer.org_id, path: volunteer.org_path };
        const user = await openVolunteerAccount(
          tx,
          volunteer.user_id,
          volunteer.volunteer_no,
          {
            displayName: volunteer.name,
            phoneEnc: request.phone_enc,
            phoneIndex: request.phone_index,
            passwordHash: request.password_hash!,
            org,
          },
          now,
        );
        await tx
          .updateTable('volunteers')
          .set({
            user_id: user.id,
            phone_enc: request.phone_enc,
            phone_index: request.phone_index,
            phone_tail: request.phone_tail,
            guardian_name: request.guardian_name,
            guardian_phone_enc: request.guardian_phone_enc,
            guardian_consent_at: request.guardian_name ? request.requested_at : null,
            is_minor: ageOn(volunteer.birth_date, now) < ADULT_AGE,
            political_status: request.political_status,
            categories: request.categories,
            skills: request.skills,
            skills_note: request.skills_note,
            service_categories: request.service_categories,
            availability: request.availability,
            consent_version: request.consent_version,
            consent_at: request.requested_at,
            consent_channel: 'online',
            status: 'active',
            status_reason: null,
            // an erasure request stays on record: it was the person's, and is theirs alone
            consent_withdrawn_at: null,
            updated_at: now,
          })
          .where('id', '=', volunteer.id)
          .execute();
        // other requests for the same record (other phones) lose their point
        const others = await tx
          .selectFrom('volunteer_rejoin_requests')
          .select('id')
          .where('volunteer_id', '=', volunteer.id)
          .where('status', '=', 'pending')
          .where('id', '<>', request.id)
          .execute();
        await decide(tx, actor, [request.id], 'confirmed', now);
        await decide(
          tx,
          actor,
          others.map((o) => o.id),
          'rejected',
          now,
        );
        await auditAction(
          tx,
          actor,
          'volunteer.rejoin_confirm',
          'volunteer',
          volunteer,
          { requestId: request.id, closedRequests: others.map((o) => o.id) },
          now,
        );
        const row = await volunteerDetailRow(tx, volunteer.id);
        return detailOf(
          ctx.cipher,
          row!,
          await membershipsOf(tx, volunteer.id),
          now,
          birthDisclosure(actor, volunteer),
          volunteerPhotoPath(volunteer.id),
        );
      });
    },

    /** Not the person, or not reachable: the request closes and the record stays withdrawn. */
    async reject(actor: Actor, id: number): Promise<void> {
      const now = ctx.now();
      await run(actor, async (tx) => {
        const request = await pendingRequest(tx, actor, id);
        await decide(tx, actor, [request.id], 'rejected', now);
        await auditAction(
          tx,
          actor,
          'volunteer.rejoin_reject',
          'volunteer',
          { id: request.volunteer_id, org_id: request.org_id, org_path: request.org_path },
          { requestId: request.id },
          now,
        );
      });
    },
  };
}
