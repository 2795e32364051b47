import { z } from 'zod';

/** An id in a JSON body: a positive integer, also accepted as a numeric string (form values). */
export const bodyId = z.coerce
  .number({ error: '编号格式不正确' })
  .int('编号格式不正确')
  .positive('编号格式不正确')
  .max(2 ** 31, '编号格式不正确');

/** `:id` in a route's path. */
export const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

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

/**
 * The ILIKE/LIKE pattern for "contains `text`": the wildcards `%` and `_` and the escape character
 * in what the user typed match themselves (PostgreSQL's default escape is the backslash).
 */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** The LIKE pattern for "starts with `text`". */
export function startsWithPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
