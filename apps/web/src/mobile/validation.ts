// Client-side checks for the registration and profile forms. Each returns true or the Chinese
// message to show; the rules themselves come from @civic/contracts (the server runs them again).
import {
  ADULT_AGE,
  ageOn,
  checkIdNumber,
  CONTACT_PHONE_MESSAGE,
  GUARDIAN_REQUIRED_UNDER,
  isContactPhone,
  isMobile,
  MOBILE_MESSAGE,
  normalizeMobile,
  passwordPolicyViolation,
} from '@civic/contracts';

export type Check = true | string;

/** child: under 14, a guardian must consent; minor: 14–17, registered as a minor. */
export type AgeGroup = 'child' | 'minor' | 'adult';

export interface IdAge {
  age: number;
  group: AgeGroup;
}

/** The holder's age group from a valid ID number, or null while the number is incomplete or wrong. */
export function idAge(idNumber: string, today: Date = new Date()): IdAge | null {
  const result = checkIdNumber(idNumber, { today });
  if (!result.ok) return null;
  const age = ageOn(result.info.birthDate, today);
  const group: AgeGroup = age < GUARDIAN_REQUIRED_UNDER ? 'child' : age < ADULT_AGE ? 'minor' : 'adult';
  return { age, group };
}

export function checkName(value: string, what = '姓名'): Check {
  const name = value.trim();
  if (!name) return `请填写${what}`;
  if (name.length < 2) return `${what}至少 2 个字`;
  if (name.length > 30) return `${what}不能超过 30 个字`;
  // the same rule as the server: Chinese characters, letters, the middle dot (少数民族姓名) and spaces
  if (!/^[\p{Script=Han}·•A-Za-z\s]+$/u.test(name)) return `${what}只能包含汉字、字母或间隔号“·”`;
  return true;
}

export function checkId(value: string): Check {
  if (!value.trim()) return '请填写身份证号';
  const result = checkIdNumber(value);
  return result.ok ? true : result.message;
}

export function checkPhone(value: string, what = '手机号'): Check {
  if (!value.trim()) return `请填写${what}`;
  return isMobile(value) ? true : MOBILE_MESSAGE;
}

/** The phone a resident leaves with an order: a mobile, or a landline with its area code. */
export function checkContactPhone(value: string): Check {
  if (!value.trim()) return '请填写联系电话';
  return isContactPhone(value) ? true : CONTACT_PHONE_MESSAGE;
}

/** The login name is the phone (or the volunteer number assigned later); the password must not contain it. */
export function checkPassword(value: string, phone: string): Check {
  if (!value) return '请设置登录密码';
  return passwordPolicyViolation(value, normalizeMobile(phone)) ?? true;
}

export function checkPasswordRepeat(value: string, password: string): Check {
  if (!value) return '请再次输入密码';
  return value === password ? true : '两次输入的密码不一致';
}
