import { z } from 'zod';
import { ORDER_STATUSES } from '@civic/contracts';

/** One of a resident's orders in their 我的 list. */
export const residentOrderItem = z.object({
  id: z.number(),
  orderNo: z.string(),
  status: z.enum(ORDER_STATUSES),
  serviceCategory: z.string(),
  serviceTitle: z.string().nullable(),
  description: z.string(),
  createdAt: z.string(),
});

const phone = z
  .string({ error: '请填写点单时留的联系电话' })
  .trim()
  .min(1, '请填写点单时留的联系电话')
  .max(30, '联系电话不超过 30 个字符');

export const phoneCodeInput = z.object({ phone });
export const phoneCodeResponse = z.object({
  validMinutes: z.number(),
  /** Only in demo mode without an SMS gateway, where the code cannot be delivered otherwise. */
  demoCode: z.string().optional(),
});
export const linkOrdersInput = z.object({
  phone,
  code: z
    .string({ error: '请填写验证码' })
    .trim()
    .regex(/^\d{6}$/, '验证码为 6 位数字'),
});

/** `:token/photos/:photoId` and `:id/photos/:photoId`. */
export const photoId = z.uuid('照片编号格式不正确');
export const photoResponse = z.object({ id: z.string(), url: z.string() });

/** The resident's name and full phone, revealed to the volunteer serving the order. */
export const residentContact = z.object({ name: z.string(), phone: z.string() });
