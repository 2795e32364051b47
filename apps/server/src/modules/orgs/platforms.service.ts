// The five service platforms (五大服务平台) attached to a centre, each with its lead unit.
import { PLATFORM_LABELS, type Platform } from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditActor, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { maskedPhone, sealPhone } from '../../platform/personal-data.ts';

export interface PlatformUpdate {
  leadUnit?: string | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
  description?: string | null | undefined;
}

export function createPlatformsService(ctx: AppContext) {
  return {
    async list(actor: Actor) {
      const rows = await inScope(ctx.db.app, actor, (tx) =>
        tx.selectFrom('platforms').selectAll().orderBy('id').execute(),
      );
      return rows.map((r) => ({
        id: r.id,
        platform: r.platform as Platform,
        name: r.name || PLATFORM_LABELS[r.platform as Platform],
        leadUnit: r.lead_unit,
        contactName: r.contact_name,
        contactPhone: maskedPhone(ctx.cipher, r.contact_phone_enc),
        description: r.description,
        editable: actor.permissions.has('org.write') && inActorScope(actor, r.org_path),
      }));
    },

    async update(actor: Actor, id: number, input: PlatformUpdate) {
      await inScope(ctx.db.app, actor, async (tx) => {
        const row = await tx.selectFrom('platforms').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw new NotFound('平台不存在');
        const set = Object.fromEntries(
          Object.entries({
            lead_unit: input.leadUnit,
            contact_name: input.contactName,
            contact_phone_enc: sealPhone(ctx.cipher, input.contactPhone),
            description: input.description,
          }).filter(([, v]) => v !== undefined),
        );
        if (!Object.keys(set).length) throw new Invalid('没有需要修改的内容');
        // RLS lets institutes read the centre's platforms but not change them: 0 rows updated
        const result = await tx
          .updateTable('platforms')
          .set({ ...set, updated_at: ctx.now() })
          .where('id', '=', id)
          .executeTakeFirst();
        if (!result.numUpdatedRows) throw new NotFound('平台不存在或您无权修改');
        await appendAudit(
          tx,
          {
            actor: auditActor(actor),
            action: 'platform.update',
            resourceType: 'platform',
            resourceId: id,
            orgId: row.center_id,
            orgPath: row.org_path,
            ip: actor.ip,
            summary: { fields: Object.keys(input) },
          },
          ctx.now(),
        );
      });
      return (await this.list(actor)).find((p) => p.id === id)!;
    },
  };
}
