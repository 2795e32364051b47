import { z } from 'zod';
import { CHECKIN_METHODS, SIGNUP_STATUSES, SERVICE_RECORD_STATUSES } from '@civic/contracts';
import { bodyId } from '../../platform/http/schemas.ts';
import { CHECKIN_DIRECTIONS } from './checkin-token.ts';

const direction = z.enum(CHECKIN_DIRECTIONS, { error: '请选择签到或签退' });

export const checkinCodeQuery = z.object({ direction: direction.default('in') });

export const checkinCodeView = z.object({
  token: z.string(),
  /** the H5 page the QR code opens */
  url: z.string(),
  direction,
  expiresAt: z.string(),
  /** when the screen should fetch the next code */
  refreshAt: z.string(),
  periodSeconds: z.number(),
});

/** A position from the phone's geolocation, all optional (the service says when one is required). */
const position = {
  latitude: z.number({ error: '纬度须为数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围').optional(),
  longitude: z
    .number({ error: '经度须为数字' })
    .min(-180, '经度超出范围')
    .max(180, '经度超出范围')
    .optional(),
  /** metres, as the browser reports it */
  accuracy: z.number({ error: '定位精度须为数字' }).min(0).max(100_000).optional(),
};

export const scanInput = z.object({
  token: z.string({ error: '请扫描现场大屏上的二维码' }).trim().min(1, '请扫描现场大屏上的二维码').max(200),
  ...position,
});
export type ScanInput = z.infer<typeof scanInput>;

export const scanResult = z.object({
  direction,
  activityId: z.number(),
  activityTitle: z.string(),
  /** the recorded check-in or check-out time (the earlier one when this was a retry) */
  at: z.string(),
  distanceM: z.number().nullable(),
  /** true when this volunteer was already checked in (or out): nothing new was written */
  alreadyDone: z.boolean(),
  /** the hours of the pending record a check-out created */
  hours: z.number().optional(),
});
export type ScanResult = z.infer<typeof scanResult>;

export const manualInput = z.object({
  volunteerId: bodyId,
  direction,
  override: z.boolean({ error: '核准标记格式不正确' }).optional(),
  reason: z.string().trim().max(200, '原因不超过 200 个字').optional(),
});
export type ManualInput = z.infer<typeof manualInput>;

export const manualResult = z.object({
  direction,
  volunteerId: z.number(),
  at: z.string(),
  method: z.enum(CHECKIN_METHODS),
  alreadyDone: z.boolean(),
  hours: z.number().optional(),
});

export const sheetRow = z.object({
  volunteerId: z.number(),
  volunteerName: z.string(),
  volunteerNo: z.string().nullable(),
  /** null: a walk-in at an activity open to everyone */
  signupStatus: z.enum(SIGNUP_STATUSES).nullable(),
  attendanceConfirmedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  inMethod: z.enum(CHECKIN_METHODS).nullable(),
  distanceM: z.number().nullable(),
  checkedOutAt: z.string().nullable(),
  outMethod: z.enum(CHECKIN_METHODS).nullable(),
  note: z.string().nullable(),
  hours: z.number().nullable(),
  recordStatus: z.enum(SERVICE_RECORD_STATUSES).nullable(),
});
export type SheetRow = z.infer<typeof sheetRow>;

export const signInSheet = z.object({
  activity: z.object({
    id: z.number(),
    activityNo: z.string(),
    title: z.string(),
    orgName: z.string(),
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    status: z.string(),
  }),
  totals: z.object({
    signedUp: z.number(),
    checkedIn: z.number(),
    checkedOut: z.number(),
    noShows: z.number(),
    hours: z.number(),
  }),
  items: z.array(sheetRow),
});
export type SignInSheet = z.infer<typeof signInSheet>;

export const attendanceResult = z.object({ ok: z.literal(true), attendanceConfirmedAt: z.string() });

/** The organiser scans a volunteer's card (or types the volunteer number). */
export const cardCheckinInput = z.object({
  code: z
    .string({ error: '请扫描志愿者证二维码，或输入志愿者编号' })
    .trim()
    .min(1, '请扫描志愿者证二维码，或输入志愿者编号')
    .max(200, '志愿者证二维码无效，请核对后重试，或输入志愿者编号'),
  direction,
});
export type CardCheckinInput = z.infer<typeof cardCheckinInput>;

export const cardCheckinResult = z.object({
  direction,
  volunteerId: z.number(),
  volunteerName: z.string(),
  volunteerNo: z.string(),
  at: z.string(),
  method: z.enum(CHECKIN_METHODS),
  alreadyDone: z.boolean(),
  hours: z.number().optional(),
});
export type CardCheckinResult = z.infer<typeof cardCheckinResult>;
