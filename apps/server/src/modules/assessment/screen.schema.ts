// 数据大屏: what the command hall's big screen shows of an org subtree, in one response.
import { z } from 'zod';
import { queryId } from '../../platform/http/schemas.ts';

export const screenQuery = z.object({ orgId: queryId });
export type ScreenQuery = z.infer<typeof screenQuery>;

const ranked = z.object({ orgId: z.number(), name: z.string(), value: z.number() });

const board = z.object({
  /** the top units by confirmed service hours this month */
  byHours: z.array(ranked),
  /** the top units by activities held this month */
  byActivities: z.array(ranked),
});

const monthFigures = z.object({
  /** `YYYY-MM` */
  month: z.string(),
  activitiesHeld: z.number(),
  serviceRecords: z.number(),
  serviceHours: z.number(),
  ordersReceived: z.number(),
  ordersClosed: z.number(),
});

export const screenView = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  /** when the figures were read (ISO 8601) */
  generatedAt: z.string(),
  /** the current month, `YYYY-MM` (China date) */
  month: z.string(),
  totals: z.object({
    /** active units of the subtree by kind (the org itself included) */
    units: z.array(z.object({ kind: z.string(), count: z.number() })),
    teams: z.number(),
    volunteers: z.number(),
    /** everything recorded on the platform (the pre-platform opening totals are not service of a day) */
    serviceHours: z.number(),
    activitiesHeld: z.number(),
    ordersReceived: z.number(),
    ordersClosed: z.number(),
    ordersOpen: z.number(),
    ordersOverdue: z.number(),
  }),
  thisMonth: monthFigures,
  /** the last 12 months, oldest first, the current month last */
  trend: z.array(monthFigures),
  rankings: z.object({ stations: board, institutes: board }),
  /** the latest orders, newest first; overdue = open and past its stage deadline */
  orders: z.array(
    z.object({
      id: z.number(),
      orderNo: z.string(),
      serviceCategory: z.string(),
      menuItemTitle: z.string().nullable(),
      orgId: z.number(),
      orgName: z.string(),
      status: z.string(),
      createdAt: z.string(),
      overdue: z.boolean(),
    }),
  ),
  /** activities held in the last 12 months by service platform (null: none) and by form */
  platforms: z.array(z.object({ platform: z.string().nullable(), count: z.number() })),
  forms: z.array(z.object({ form: z.string(), count: z.number() })),
  /** the units with coordinates (points left out), with their service hours this month */
  units: z.array(
    z.object({
      orgId: z.number(),
      name: z.string(),
      kind: z.string(),
      latitude: z.number(),
      longitude: z.number(),
      serviceHours: z.number(),
    }),
  ),
});
export type ScreenView = z.infer<typeof screenView>;
export type MonthFigures = z.infer<typeof monthFigures>;
