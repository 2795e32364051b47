// A training's attendance (volunteers picked from the caller's register, plus a count of staff who
// are not volunteers) and its materials (images and PDF). Both can change while it is planned and
// after it is held (attendance is taken on the day); a cancelled training is closed.
import { TRAINING_MATERIAL_MAX_COUNT } from '@civic/contracts';
import { auditAction, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { readRecordDocument, storeRecordDocument } from '../uploads/index.ts';
import { rosterVolunteers } from '../volunteers/index.ts';
import type { AttendeeView, MaterialView, TrainingView } from './trainings.schema.ts';
import { trainingTarget, trainingViewOf, visibleTraining, type TrainingRow } from './trainings.service.ts';

const materialUrl = (trainingId: number, materialId: number) =>
  `/api/trainings/${trainingId}/materials/${materialId}`;

function open(row: TrainingRow): void {
  if (row.status === 'cancelled')
    throw new Conflict('培训已取消，不能修改签到名单或材料', 'TRAINING_CANCELLED');
}

export function createAttendanceService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  return {
    /** The attendance list, personal data masked as in the other staff lists. */
    attendees: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        await visibleTraining(tx, id);
        const rows = await tx
          .selectFrom('training_attendees')
          .select(['volunteer_id', 'added_at'])
          .where('training_id', '=', id)
          .orderBy('added_at')
          .orderBy('volunteer_id')
          .execute();
        const people = await rosterVolunteers(
          tx,
          ctx.cipher,
          rows.map((r) => Number(r.volunteer_id)),
        );
        const items = rows.map((r): AttendeeView => {
          const v = people.get(Number(r.volunteer_id));
          return {
            volunteerId: Number(r.volunteer_id),
            volunteerNo: v?.volunteerNo ?? null,
            name: v?.name ?? null,
            orgName: v?.orgName ?? null,
            status: v?.status ?? null,
            phoneMasked: v?.phoneMasked ?? null,
            addedAt: isoTimestamp(r.added_at),
          };
        });
        return { items, total: items.length };
      }),

    /** Adds volunteers of the caller's scope who are in service; those already listed are skipped. */
    addAttendees: (actor: Actor, id: number, volunteerIds: number[]) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const row = await visibleTraining(tx, id, true);
        open(row);
        const ids = [...new Set(volunteerIds)];
        const people = await rosterVolunteers(tx, ctx.cipher, ids);
        if (ids.some((v) => people.get(v)?.status !== 'active'))
          throw new Invalid('部分志愿者不存在、不在您的数据范围内或已暂停、注销', 'VOLUNTEER_UNAVAILABLE');
        const inserted = await tx
          .insertInto('training_attendees')
          .values(
            ids.map((volunteerId) => ({
              training_id: id,
              volunteer_id: volunteerId,
              org_path: row.org_path,
              added_by: actor.userId,
              added_at: now,
            })),
          )
          .onConflict((oc) => oc.columns(['training_id', 'volunteer_id']).doNothing())
          .returning('volunteer_id')
          .execute();
        const result = { added: inserted.length, skipped: ids.length - inserted.length };
        await auditAction(
          tx,
          actor,
          'training.attendees.add',
          'training',
          trainingTarget(row),
          { volunteerIds: inserted.map((r) => Number(r.volunteer_id)), skipped: result.skipped },
          now,
        );
        return result;
      }),

    removeAttendee: (actor: Actor, id: number, volunteerId: number) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const row = await visibleTraining(tx, id, true);
        open(row);
        const removed = await tx
          .deleteFrom('training_attendees')
          .where('training_id', '=', id)
          .where('volunteer_id', '=', volunteerId)
          .returning('volunteer_id')
          .executeTakeFirst();
        if (!removed) throw new NotFound('该志愿者不在签到名单中');
        await auditAction(
          tx,
          actor,
          'training.attendees.remove',
          'training',
          trainingTarget(row),
          { volunteerId },
          now,
        );
        return { ok: true as const };
      }),

    /** Staff who attended and are not registered volunteers (a count). */
    setOtherAttendees: (actor: Actor, id: number, otherAttendees: number) =>
      run(actor, async (tx): Promise<TrainingView> => {
        const now = ctx.now();
        const row = await visibleTraining(tx, id, true);
        open(row);
        await tx
          .updateTable('trainings')
          .set({ other_attendees: otherAttendees, updated_at: now })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'training.update',
          'training',
          trainingTarget(row),
          { otherAttendees },
          now,
        );
        return trainingViewOf(await visibleTraining(tx, id));
      }),

    materials: (actor: Actor, id: number) =>
      run(actor, async (tx): Promise<MaterialView[]> => {
        await visibleTraining(tx, id);
        const rows = await tx
          .selectFrom('training_materials as m')
          .leftJoin('users as u', 'u.id', 'm.uploaded_by')
          .select(['m.id', 'm.file_name', 'm.mime_type', 'm.byte_size', 'u.display_name', 'm.uploaded_at'])
          .where('m.training_id', '=', id)
          .orderBy('m.id')
          .execute();
        return rows.map((r) => ({
          id: Number(r.id),
          fileName: r.file_name,
          mimeType: r.mime_type,
          byteSize: r.byte_size,
          uploadedBy: r.display_name,
          uploadedAt: isoTimestamp(r.uploaded_at),
          url: materialUrl(id, Number(r.id)),
        }));
      }),

    addMaterial: (actor: Actor, id: number, file: { fileName: string | undefined; data: Buffer }) =>
      run(actor, async (tx): Promise<MaterialView> => {
        const now = ctx.now();
        const row = await visibleTraining(tx, id, true);
        open(row);
        if (row.material_count >= TRAINING_MATERIAL_MAX_COUNT)
          throw new Conflict(`每次培训最多 ${TRAINING_MATERIAL_MAX_COUNT} 份材料`, 'TOO_MANY_MATERIALS');
        const stored = await storeRecordDocument(tx, {
          orgPath: row.org_path,
          uploadedBy: actor.userId,
          fileName: file.fileName,
          data: file.data,
          now,
        });
        const material = await tx
          .insertInto('training_materials')
          .values({
            training_id: id,
            org_path: row.org_path,
            upload_id: stored.id,
            file_name: stored.fileName,
            mime_type: stored.mimeType,
            byte_size: stored.byteSize,
            uploaded_by: actor.userId,
            uploaded_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await auditAction(
          tx,
          actor,
          'training.material.add',
          'training',
          trainingTarget(row),
          { fileName: stored.fileName, mimeType: stored.mimeType, sha256: stored.sha256 },
          now,
        );
        return {
          id: Number(material.id),
          fileName: stored.fileName,
          mimeType: stored.mimeType,
          byteSize: stored.byteSize,
          uploadedBy: actor.displayName,
          uploadedAt: isoTimestamp(now),
          url: materialUrl(id, Number(material.id)),
        };
      }),

    material: (actor: Actor, id: number, materialId: number) =>
      run(actor, async (tx) => {
        await visibleTraining(tx, id);
        const m = await tx
          .selectFrom('training_materials')
          .select(['upload_id', 'file_name'])
          .where('id', '=', materialId)
          .where('training_id', '=', id)
          .executeTakeFirst();
        if (!m) throw new NotFound('材料不存在');
        const file = await readRecordDocument(tx, m.upload_id);
        return { ...file, fileName: m.file_name };
      }),

    removeMaterial: (actor: Actor, id: number, materialId: number) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const row = await visibleTraining(tx, id, true);
        open(row);
        const removed = await tx
          .deleteFrom('training_materials')
          .where('id', '=', materialId)
          .where('training_id', '=', id)
          .returning(['file_name'])
          .executeTakeFirst();
        if (!removed) throw new NotFound('材料不存在');
        await auditAction(
          tx,
          actor,
          'training.material.remove',
          'training',
          trainingTarget(row),
          { fileName: removed.file_name },
          now,
        );
        return { ok: true as const };
      }),
  };
}
