// What every hand-entered record (补录, manual, opening) checks first: the volunteer it is for, and
// the evidence uploads it cites.
import type { Tx } from '../../platform/db/database.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';

export const VOLUNTEER_NOT_FOUND = '志愿者不存在或不在您的数据范围内';

/** Evidence uploads the caller can see, without repeats; a 400 when one is missing. */
export async function checkEvidence(tx: Tx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await tx.selectFrom('uploads').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length)
    throw new Invalid('证明材料不存在或不在您的数据范围内，请重新上传', 'EVIDENCE_NOT_FOUND');
  return unique;
}

/** A volunteer visible to the caller who may still be credited (not withdrawn). */
export async function findVolunteer(tx: Tx, id: number) {
  const volunteer = await tx
    .selectFrom('volunteers')
    .select(['id', 'org_path', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!volunteer) throw new NotFound(VOLUNTEER_NOT_FOUND);
  if (volunteer.status === 'withdrawn')
    throw new Conflict('该志愿者已撤回授权，不能录入服务时长', 'VOLUNTEER_WITHDRAWN');
  return volunteer;
}
