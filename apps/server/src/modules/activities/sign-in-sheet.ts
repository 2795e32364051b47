// The sign-in sheet (签到表) of an activity, part of its archive (活动档案): everyone signed up
// (confirmed or no-show) or checked in, by check-in time, with how they checked in and out and the
// hours of their record; and the same as an Excel workbook. Names and volunteer numbers only: no
// phone, no ID number.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import {
  CHECKIN_METHOD_LABELS,
  SERVICE_RECORD_STATUS_LABELS,
  SIGNUP_STATUS_LABELS,
  type CheckinMethod,
  type ServiceRecordStatus,
  type SignupStatus,
} from '@civic/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { managedActivity } from './activity-store.ts';
import { beijingFull } from './attendance.ts';
import type { SheetRow, SignInSheet } from './checkin.schema.ts';

export async function sheetOf(tx: Tx, actor: Actor, activityId: number): Promise<SignInSheet> {
  const activity = await managedActivity(tx, actor, activityId);
  const { rows } = await sql<{
    volunteer_id: number;
    name: string | null;
    volunteer_no: string | null;
    signup_status: string | null;
    attendance_confirmed_at: Date | null;
    checked_in_at: Date | null;
    in_method: string | null;
    in_distance_m: number | null;
    checked_out_at: Date | null;
    out_method: string | null;
    note: string | null;
    hours: number | null;
    record_status: string | null;
  }>`
    WITH s AS (
      SELECT volunteer_id, status, attendance_confirmed_at FROM activity_signups
       WHERE activity_id = ${activityId} AND status IN ('confirmed', 'no_show')
    ), c AS (
      SELECT * FROM activity_checkins WHERE activity_id = ${activityId}
    )
    SELECT coalesce(s.volunteer_id, c.volunteer_id) AS volunteer_id, v.name, v.volunteer_no,
           s.status AS signup_status, s.attendance_confirmed_at,
           c.checked_in_at, c.in_method, c.in_distance_m, c.checked_out_at, c.out_method, c.note,
           r.hours, r.status AS record_status
      FROM s FULL JOIN c ON c.volunteer_id = s.volunteer_id
      LEFT JOIN volunteers v ON v.id = coalesce(s.volunteer_id, c.volunteer_id)
      LEFT JOIN service_records r ON r.source = 'activity' AND r.source_id = ${activityId}
                                 AND r.volunteer_id = coalesce(s.volunteer_id, c.volunteer_id)
     ORDER BY c.checked_in_at NULLS LAST, v.volunteer_no, 1`.execute(tx);
  const items: SheetRow[] = rows.map((r) => ({
    volunteerId: r.volunteer_id,
    // a volunteer who has since moved out of the caller's scope keeps their line, without a name
    volunteerName: r.name ?? '（已迁出本辖区）',
    volunteerNo: r.volunteer_no,
    signupStatus: r.signup_status as SignupStatus | null,
    attendanceConfirmedAt: isoTimestamp(r.attendance_confirmed_at),
    checkedInAt: isoTimestamp(r.checked_in_at),
    inMethod: r.in_method as CheckinMethod | null,
    distanceM: r.in_distance_m,
    checkedOutAt: isoTimestamp(r.checked_out_at),
    outMethod: r.out_method as CheckinMethod | null,
    note: r.note,
    hours: r.hours === null ? null : Number(r.hours),
    recordStatus: r.record_status as ServiceRecordStatus | null,
  }));
  const org = await sql<{ name: string | null }>`SELECT org_name(${activity.org_id}) AS name`.execute(tx);
  return {
    activity: {
      id: activity.id,
      activityNo: activity.activity_no,
      title: activity.title,
      orgName: org.rows[0]?.name ?? '',
      place: activity.place,
      startsAt: isoTimestamp(activity.starts_at),
      endsAt: isoTimestamp(activity.ends_at),
      status: activity.status,
    },
    totals: {
      signedUp: items.filter((i) => i.signupStatus !== null).length,
      checkedIn: items.filter((i) => i.checkedInAt !== null).length,
      checkedOut: items.filter((i) => i.checkedOutAt !== null).length,
      noShows: items.filter((i) => i.signupStatus === 'no_show').length,
      hours: Math.round(items.reduce((sum, i) => sum + (i.hours ?? 0), 0) * 10) / 10,
    },
    items,
  };
}

export async function sheetWorkbook(sheet: SignInSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '文明实践云平台';
  const ws = book.addWorksheet('签到表');
  ws.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '志愿者编号', key: 'no', width: 18 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '报名状态', key: 'signup', width: 10 },
    { header: '签到时间', key: 'in', width: 18 },
    { header: '签到方式', key: 'inMethod', width: 16 },
    { header: '距离(米)', key: 'distance', width: 10 },
    { header: '签退时间', key: 'out', width: 18 },
    { header: '签退方式', key: 'outMethod', width: 16 },
    { header: '服务时长(小时)', key: 'hours', width: 14 },
    { header: '时长状态', key: 'recordStatus', width: 10 },
    { header: '备注', key: 'note', width: 24 },
  ];
  sheet.items.forEach((r, i) =>
    ws.addRow({
      n: i + 1,
      no: r.volunteerNo ?? '',
      name: r.volunteerName,
      signup: r.signupStatus ? SIGNUP_STATUS_LABELS[r.signupStatus] : '现场参加',
      in: beijingFull(r.checkedInAt),
      inMethod: r.inMethod ? CHECKIN_METHOD_LABELS[r.inMethod] : '',
      distance: r.distanceM ?? '',
      out: beijingFull(r.checkedOutAt),
      outMethod: r.outMethod ? CHECKIN_METHOD_LABELS[r.outMethod] : '',
      hours: r.hours ?? '',
      recordStatus: r.recordStatus ? SERVICE_RECORD_STATUS_LABELS[r.recordStatus] : '',
      note: r.note ?? '',
    }),
  );
  ws.getRow(1).font = { bold: true };
  const a = sheet.activity;
  // printed, the activity heads every page ('&' is the header's escape character)
  const escape = (text: string) => text.replaceAll('&', '&&');
  ws.headerFooter.oddHeader = `&C${escape(a.title)}  ${beijingFull(a.startsAt)}–${beijingFull(a.endsAt).slice(11)}  ${escape(a.place)}`;
  ws.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
  return Buffer.from(await book.xlsx.writeBuffer());
}
