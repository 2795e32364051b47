// The rules every way of creating a volunteer shares (H5 registration, admin entry, Excel import):
// the identity checks, the guardian rule for children, and sealing personal data for storage.
import { isMobile, MOBILE_MESSAGE, normalizeMobile, type IdNumberInfo } from '@civic/contracts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db/database.ts';
import { Invalid } from '../../platform/errors.ts';
import { phoneIndex } from '../../platform/personal-data.ts';
import { ageBand, idNumberIndex, isKnownRegion } from './identity.ts';
import { checkIdNumber } from '@civic/contracts';

export interface PersonInput {
  name: string;
  idNumber: string;
  phone: string;
  guardian?: { name: string; phone: string; consent: boolean } | null | undefined;
}

export type PersonField = 'name' | 'idNumber' | 'phone' | 'guardian';
export interface PersonProblem {
  field: PersonField;
  message: string;
  code: string;
}

export interface CheckedPerson {
  name: string;
  id: IdNumberInfo;
  phone: string;
  isMinor: boolean;
  guardian: { name: string; phone: string } | null;
}

const NAME_PATTERN = /^[\p{Script=Han}·•A-Za-z\s]{2,30}$/u;

/** Checks a person's identity fields; returns every problem found (the import reports them all). */
export function checkPerson(
  input: PersonInput,
  today: Date,
): { ok: true; person: CheckedPerson } | { ok: false; problems: PersonProblem[] } {
  const problems: PersonProblem[] = [];
  const name = input.name.trim();
  if (!NAME_PATTERN.test(name)) {
    problems.push({ field: 'name', code: 'INVALID_NAME', message: '姓名应为 2–30 个汉字或字母' });
  }
  const id = checkIdNumber(input.idNumber, { today, isKnownRegion });
  if (!id.ok) problems.push({ field: 'idNumber', code: `ID_NUMBER_${id.problem}`, message: id.message });
  if (!isMobile(input.phone))
    problems.push({ field: 'phone', code: 'INVALID_PHONE', message: MOBILE_MESSAGE });

  let guardian: CheckedPerson['guardian'] = null;
  let isMinor = false;
  if (id.ok) {
    const band = ageBand(id.info.birthDate, today);
    isMinor = band.isMinor;
    if (band.needsGuardian) {
      const g = input.guardian;
      if (!g || !g.name?.trim() || !g.phone?.trim()) {
        problems.push({
          field: 'guardian',
          code: 'GUARDIAN_REQUIRED',
          message: `未满 14 周岁（${band.age} 岁）须填写监护人姓名和手机号`,
        });
      } else if (!isMobile(g.phone)) {
        problems.push({
          field: 'guardian',
          code: 'INVALID_GUARDIAN_PHONE',
          message: `监护人${MOBILE_MESSAGE}`,
        });
      } else if (!g.consent) {
        problems.push({
          field: 'guardian',
          code: 'GUARDIAN_CONSENT_REQUIRED',
          message: '未满 14 周岁须经监护人同意',
        });
      } else {
        guardian = { name: g.name.trim(), phone: normalizeMobile(g.phone) };
      }
    }
  }
  if (problems.length > 0 || !id.ok) return { ok: false, problems };
  return { ok: true, person: { name, id: id.info, phone: normalizeMobile(input.phone), isMinor, guardian } };
}

/** As checkPerson, but the first problem becomes a 400 (single-record forms). */
export function requirePerson(input: PersonInput, today: Date): CheckedPerson {
  const result = checkPerson(input, today);
  if (!result.ok) {
    const first = result.problems[0]!;
    throw new Invalid(first.message, first.code);
  }
  return result.person;
}

/** The encrypted columns of a checked person. */
export function sealPerson(cipher: FieldCipher, person: CheckedPerson, now: Date) {
  return {
    name: person.name,
    gender: person.id.gender,
    birth_date: person.id.birthDate,
    id_number_enc: cipher.encrypt(person.id.normalized),
    id_number_index: idNumberIndex(cipher, person.id.normalized),
    phone_enc: cipher.encrypt(person.phone),
    phone_index: phoneIndex(cipher, person.phone),
    phone_tail: person.phone.slice(-4),
    is_minor: person.isMinor,
    guardian_name: person.guardian?.name ?? null,
    guardian_phone_enc: person.guardian ? cipher.encrypt(person.guardian.phone) : null,
    guardian_consent_at: person.guardian ? now : null,
  };
}

export const DUPLICATE_ID_MESSAGE = '该身份证号已登记为志愿者';

/**
 * The one answer to every refused H5 registration (an ID number of a volunteer, of an imported or
 * withdrawn record, or a phone bound to another account): which it was would tell a stranger
 * whose ID number or phone they hold.
 */
export const REGISTRATION_REFUSED_MESSAGE =
  '无法用这些信息注册：身份证号或手机号已有登记。已是志愿者的请直接登录；曾经注销或需要核对信息的，请携带身份证到所在村（社区）新时代文明实践站办理';

/**
 * Whether another volunteer account already logs in with this phone. Accounts of other towns are
 * outside the caller's scope, so this asks the system connection (it returns only yes or no).
 */
export async function volunteerPhoneTaken(system: Db, index: string, exceptUserId?: number | null) {
  const row = await system
    .selectFrom('users')
    .select('id')
    .where('phone_index', '=', index)
    .where('role', '=', 'volunteer')
    .where('id', '<>', exceptUserId ?? 0)
    .executeTakeFirst();
  return row !== undefined;
}
