// The second person's and the recorder's actions on an award, shared by the pending list and a
// household's drawer: confirm, reject or void with a reason (asked in a prompt).
import { ElMessageBox } from 'element-plus';
import { householdsApi, type HouseholdAward } from '../../../api/households';

async function askReason(title: string, message: string): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt(message, title, {
      confirmButtonText: '确定',
      cancelButtonText: '取消',
      inputValidator: (v: string) =>
        (v && v.trim().length > 0 && v.length <= 200) || '请填写原因（不超过 200 字）',
    });
    return value.trim();
  } catch {
    return null;
  }
}

export async function confirmAward(award: HouseholdAward): Promise<string | null> {
  await householdsApi.confirm(award.id);
  return `已确认，${award.points} 分已记入 ${award.householdNo} 户`;
}

export async function rejectAward(award: HouseholdAward): Promise<string | null> {
  const reason = await askReason(
    '驳回积分',
    `驳回 ${award.householdNo} 户的“${award.ruleName}”${award.points} 分，请填写原因：`,
  );
  if (!reason) return null;
  await householdsApi.reject(award.id, reason);
  return '已驳回，积分不记入';
}

export async function voidAward(award: HouseholdAward): Promise<string | null> {
  const reason = await askReason(
    '作废积分',
    `作废 ${award.householdNo} 户的“${award.ruleName}”${award.points} 分：将以一笔冲正流水扣回，原记录保留。请填写原因：`,
  );
  if (!reason) return null;
  await householdsApi.void(award.id, reason);
  return '已作废，积分已冲回';
}
