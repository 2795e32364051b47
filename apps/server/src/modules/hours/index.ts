// Hours: service records (服务记录) and their review — confirm in bulk, correct with a reason,
// reject; 补录, manual and opening (历史时长, imported from Excel) records with evidence, confirmed by
// a second person; the check that lifetime totals equal their records; each org's hour rule
// (时长取整规则); the volunteer's own hours and the team leader's confirmation on H5; the volunteer's
// own service log (随时记, self-log.ts), pending at their station like any record. It owns
// service_records, service_record_events and hour_rules (and the lifetime-hours trigger of 0006 on
// service_records); activities and orders sit above it and create records only through the
// functions exported here, inside their own transactions.
import { defineModule } from '../../platform/module.ts';
import { hoursRoutes } from './hours.routes.ts';
import { selfLogRoutes } from './self-log.routes.ts';

export {
  creditedHours,
  hourRuleFor,
  recordService,
  type Credit,
  type RecordActor,
  type ServedWork,
  type ServiceInput,
} from './service-records.ts';
export { confirmedRecordsInPeriod, type CertifiableRecord } from './certified-records.ts';
export { volunteerYearHours, type VolunteerYearHours } from './year-totals.ts';
export { describeHourTotals, verifyHourTotals, type HourTotalsReport } from './totals.ts';

export const hoursModule = defineModule({
  name: 'hours',
  description: '服务时长：服务记录、确认/更正/驳回、补录与手工录入、历史时长导入、取整规则、我的时长、随时记',
  routes: [hoursRoutes, selfLogRoutes],
  permissions: ['hours.review', 'hours.write'],
  tables: ['service_records', 'service_record_events', 'hour_rules'],
});
