import { z } from 'zod';

/** An id in a JSON body: a positive integer, also accepted as a numeric string (form values). */
export const bodyId = z.coerce
  .number({ error: '编号格式不正确' })
  .int('编号格式不正确')
  .positive('编号格式不正确')
  .max(2 ** 31, '编号格式不正确');
