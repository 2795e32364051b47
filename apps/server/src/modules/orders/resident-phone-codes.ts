// Finding the orders a resident placed before signing in: they give the phone they left with the
// orders, receive a one-time code on it (through the outbound message queue to the SMS gateway), and
// entering the code links every order placed with that phone and not yet linked to an account to
// theirs. The answer to "send a code" is the same whether or not any order has that phone, so the
// form tells nobody whose number it is. In demo mode without a gateway there is no way to deliver
// the code, so the answer carries it (`demoCode`), and the page shows it and says why.
import crypto from 'node:crypto';
import { isContactPhone, isMobile, CONTACT_PHONE_MESSAGE } from '@civic/contracts';
import { auditAction, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { Conflict, Invalid, TooManyRequests } from '../../platform/errors.ts';
import { phoneIndex } from '../../platform/personal-data.ts';
import { queueOutboundMessage } from '../notifications/index.ts';

export const PHONE_CODE_RULES = {
  /** How long a code is good for. */
  validMinutes: 10,
  /** Wrong codes before it is spent. */
  maxAttempts: 5,
  /** A new code no sooner than this after the last one. */
  resendSeconds: 60,
  /** Codes an account may ask for in a day. */
  perDay: 10,
} as const;

const CODE_INVALID = '验证码错误或已过期，请重新获取';

export function createResidentPhoneCodes(ctx: AppContext) {
  const db = ctx.db.system;
  const hashOf = (userId: number, code: string) =>
    ctx.cipher.blindIndex(`${userId}:${code}`, 'resident-phone-code');
  /** Without a gateway a code can only be shown, and only a demo may show it. */
  const showsCode = () => ctx.config.demo && !ctx.config.webhookUrl;

  function checkPhone(phone: string): string {
    if (!isContactPhone(phone)) throw new Invalid(CONTACT_PHONE_MESSAGE, 'INVALID_PHONE');
    return phoneIndex(ctx.cipher, phone);
  }

  return {
    async send(actor: Actor, phone: string) {
      const index = checkPhone(phone);
      if (!ctx.config.webhookUrl && !ctx.config.demo) {
        throw new Conflict(
          '平台暂未开通短信服务，不能发送验证码；请联系所在的村（社区）实践站查询',
          'NO_GATEWAY',
        );
      }
      const now = ctx.now();
      return db.transaction().execute(async (tx) => {
        // one account's requests are serialised, so the limits below cannot be raced
        await tx.selectFrom('users').select('id').where('id', '=', actor.userId).forUpdate().execute();
        const recent = await tx
          .selectFrom('resident_phone_codes')
          .select('created_at')
          .where('user_id', '=', actor.userId)
          .where('created_at', '>', new Date(now.getTime() - 86_400_000))
          .orderBy('created_at', 'desc')
          .execute();
        const last = recent[0] ? new Date(recent[0].created_at).getTime() : 0;
        if (now.getTime() - last < PHONE_CODE_RULES.resendSeconds * 1000) {
          throw new TooManyRequests(`验证码已发送，请 ${PHONE_CODE_RULES.resendSeconds} 秒后再重新获取`);
        }
        if (recent.length >= PHONE_CODE_RULES.perDay) {
          throw new TooManyRequests('今天获取验证码的次数已用完，请明天再试');
        }
        const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
        await tx
          .insertInto('resident_phone_codes')
          .values({
            user_id: actor.userId,
            phone_index: index,
            code_hash: hashOf(actor.userId, code),
            created_at: now,
            expires_at: new Date(now.getTime() + PHONE_CODE_RULES.validMinutes * 60_000),
          })
          .execute();
        // the gateway reads the phone from an order placed with it (decrypted only when sending);
        // with no such order there is nobody to send to, and nothing to link either
        const order = await tx
          .selectFrom('orders')
          .select(['id', 'org_id', 'org_path'])
          .where('contact_phone_index', '=', index)
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (order) {
          await queueOutboundMessage(
            tx,
            {
              orgPath: order.org_path,
              event: 'resident.phone_code',
              orderId: order.id,
              payload: {
                code,
                validMinutes: PHONE_CODE_RULES.validMinutes,
                // a landline cannot take a text: the gateway reads the code out in a call
                phoneKind: isMobile(phone) ? 'mobile' : 'landline',
                at: now.toISOString(),
              },
            },
            now,
          );
        }
        return {
          validMinutes: PHONE_CODE_RULES.validMinutes,
          ...(showsCode() ? { demoCode: code } : {}),
        };
      });
    },

    /** Checks the code and links the phone's unlinked orders to the account; how many were linked. */
    async link(actor: Actor, phone: string, code: string) {
      const index = checkPhone(phone);
      const now = ctx.now();
      // a wrong code counts even though the request fails: counted in its own transaction
      const outcome = await db.transaction().execute(async (tx) => {
        const pending = await tx
          .selectFrom('resident_phone_codes')
          .selectAll()
          .where('user_id', '=', actor.userId)
          .where('phone_index', '=', index)
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .orderBy('id', 'desc')
          .limit(1)
          .forUpdate()
          .executeTakeFirst();
        if (!pending || pending.attempts >= PHONE_CODE_RULES.maxAttempts) return { ok: false as const };
        const expected = Buffer.from(pending.code_hash);
        const given = Buffer.from(hashOf(actor.userId, code));
        if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
          await tx
            .updateTable('resident_phone_codes')
            .set({ attempts: pending.attempts + 1 })
            .where('id', '=', pending.id)
            .execute();
          return { ok: false as const };
        }
        await tx
          .updateTable('resident_phone_codes')
          .set({ used_at: now })
          .where('id', '=', pending.id)
          .execute();
        // orders already linked to an account stay with it
        const linked = await tx
          .updateTable('orders')
          .set({ resident_user_id: actor.userId, updated_at: now })
          .where('contact_phone_index', '=', index)
          .where('resident_user_id', 'is', null)
          .returning(['id', 'org_id', 'org_path', 'order_no'])
          .execute();
        for (const order of linked) {
          await auditAction(tx, actor, 'order.link_resident', 'order', order, { phoneVerified: true }, now);
        }
        return { ok: true as const, linked: linked.length };
      });
      if (!outcome.ok) throw new Invalid(CODE_INVALID, 'CODE_INVALID');
      return { linked: outcome.linked };
    },
  };
}
