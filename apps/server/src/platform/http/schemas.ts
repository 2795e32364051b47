import { z } from 'zod';

/** An id in a JSON body: a positive integer, also accepted as a numeric string (form values). */
export const bodyId = z.coerce
  .number({ error: '编号格式不正确' })
  .int('编号格式不正确')
  .positive('编号格式不正确')
  .max(2 ** 31, '编号格式不正确');

/** An optional id in a query string. */
export const queryId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31)
  .optional();

/** Optional free text of at most `max` characters (null clears it). */
export const optionalText = (max: number) =>
  z.string().trim().max(max, `不超过 ${max} 个字`).nullable().optional();

/** ?page&pageSize of every list endpoint. */
export const pagingQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
