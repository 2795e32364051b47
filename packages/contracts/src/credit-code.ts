// Unified social credit codes (GB 32100-2015): 18 characters from a 31-character alphabet
// (no I, O, Z, S, V), the last a MOD 31 check character.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeCheck =
  { ok: true; normalized: string } | { ok: false; problem: 'FORMAT' | 'CHECK_DIGIT'; message: string };

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const code = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) {
    return {
      ok: false,
      problem: 'FORMAT',
      message: '统一社会信用代码应为 18 位（数字或除 I、O、Z、S、V 外的大写字母）',
    };
  }
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) {
    return {
      ok: false,
      problem: 'CHECK_DIGIT',
      message: '统一社会信用代码校验位不正确；早期试点代码可选择"强制保存"',
    };
  }
  return { ok: true, normalized: code };
}
