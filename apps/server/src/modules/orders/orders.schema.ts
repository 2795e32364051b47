import { z } from 'zod';
import {
  ORDER_ACTIONS,
  ORDER_CHANNEL_LABELS,
  ORDER_PRIORITY_LABELS,
  ORDER_STAGE_LABELS,
  ORDER_STATUSES,
  SERVICE_CATEGORIES,
  SKILLS,
} from '@civic/contracts';
import { bodyId, queryId } from '../../platform/http/schemas.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);
const reason = text('原因', 200);
const priorities = Object.keys(ORDER_PRIORITY_LABELS) as [keyof typeof ORDER_PRIORITY_LABELS];
const ORDER_CHANNELS = Object.keys(ORDER_CHANNEL_LABELS) as [keyof typeof ORDER_CHANNEL_LABELS];

const need = {
  menuItemId: bodyId.nullable().optional(),
  serviceCategory: z.enum(SERVICE_CATEGORIES, { error: '请选择服务类别' }).optional(),
  description: text('需求描述', 500),
  address: text('服务地址', 120),
  contactName: text('联系人', 30),
  // a mobile or a landline (0916-1234567转801); checked by @civic/contracts' isContactPhone
  contactPhone: z.string({ error: '请填写联系电话' }).trim().max(30, '联系电话不超过 30 个字符'),
  preferredAt: z.iso.datetime({ offset: true, error: '期望时间格式不正确' }).nullable().optional(),
};

/** 点单 by a resident on H5 (no account needed; the tracking link is the receipt). */
export const placeOrderInput = z.object({ stationId: bodyId, ...need });
export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

/** 代点单 by station staff for a resident who called or was visited. */
export const staffOrderInput = placeOrderInput.extend({
  channel: z.enum(['phone', 'visit'], { error: '请选择来源（电话或上门走访）' }),
});
export type StaffOrderInput = z.infer<typeof staffOrderInput>;

export const acceptInput = z.object({
  serviceCategory: z.enum(SERVICE_CATEGORIES).optional(),
  skills: z.array(z.enum(SKILLS)).max(SKILLS.length).optional(),
  priority: z.enum(priorities).optional(),
  projectId: bodyId.nullable().optional(),
  volunteersNeeded: z.number().int().min(1).max(50).optional(),
  agreedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export const reasonInput = z.object({ reason });
export const mergeInput = z.object({ intoId: bodyId });
export const dispatchInput = z
  .object({
    volunteerIds: z.array(bodyId).max(50).optional(),
    teamId: bodyId.optional(),
    stationId: bodyId.optional(),
  })
  .refine(
    (v) =>
      [v.volunteerIds?.length ? 1 : 0, v.teamId ? 1 : 0, v.stationId ? 1 : 0].reduce((a, b) => a + b) === 1,
    {
      error: '请选择派单对象：一个实践站、一支队伍或若干名志愿者（三选一）',
    },
  );
export type DispatchInput = z.infer<typeof dispatchInput>;
export const evaluateInput = z.object({ evaluation: text('评单意见', 500) });
export const positionInput = z.object({
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export const finishInput = positionInput.extend({
  note: text('服务记录', 500),
  photoIds: z.array(z.uuid()).max(9).optional(),
});
export const rateInput = z.object({
  rating: z.number({ error: '请选择评分' }).int().min(1, '评分为 1–5 星').max(5, '评分为 1–5 星'),
  comment: z.string().trim().max(300).optional(),
});

/** The workbench's filters: the list, its tab badges and the export all take them. */
export const orderFilters = z.object({
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  keyword: z.string().trim().max(50).optional(),
  /** a town's institute or a village's station: the orders of that unit and below */
  orgId: queryId,
  category: z.enum(SERVICE_CATEGORIES, { error: '服务类别不正确' }).optional(),
  channel: z.enum(ORDER_CHANNELS, { error: '来源不正确' }).optional(),
  /** placed on or after / on or before this day (Beijing time) */
  from: z.iso.date({ error: '日期格式不正确' }).optional(),
  to: z.iso.date({ error: '日期格式不正确' }).optional(),
});
export type OrderFilters = z.infer<typeof orderFilters>;

const orderStatusQuery = {
  status: z.enum(ORDER_STATUSES).optional(),
  stage: z.enum(Object.keys(ORDER_STAGE_LABELS) as [keyof typeof ORDER_STAGE_LABELS]).optional(),
};

export const orderListQuery = orderFilters.extend({
  ...orderStatusQuery,
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type OrderListQuery = z.infer<typeof orderListQuery>;

/** The export: the rows the list would show under the same filters and tab, every page of them. */
export const orderExportQuery = orderFilters.extend(orderStatusQuery);
export type OrderExportQuery = z.infer<typeof orderExportQuery>;

export const trackingParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '查询码不正确') });

const event = z.object({
  action: z
    .enum(Object.keys(ORDER_ACTIONS) as [keyof typeof ORDER_ACTIONS, ...(keyof typeof ORDER_ACTIONS)[]])
    .or(z.string()),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorKind: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  target: z.string().nullable(),
  createdAt: z.string(),
});

export const orderView = z.object({
  id: z.number(),
  orderNo: z.string(),
  status: z.enum(ORDER_STATUSES),
  stageDueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalationLevel: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  menuItemId: z.number().nullable(),
  projectId: z.number().nullable(),
  serviceCategory: z.string(),
  skills: z.array(z.string()),
  description: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  channel: z.enum(['online', 'phone', 'visit', 'open311']),
  preferredAt: z.string().nullable(),
  agreedAt: z.string().nullable(),
  priority: z.enum(priorities),
  volunteersNeeded: z.number(),
  dispatchedOrgId: z.number().nullable(),
  dispatchedTeamId: z.number().nullable(),
  mergedIntoId: z.number().nullable(),
  rejectReason: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  evaluation: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type OrderView = z.infer<typeof orderView>;

export const orderDetail = orderView.extend({
  /** Addresses (/api/uploads/…) of the resident's photos of the need, and of the volunteer's evidence. */
  photos: z.array(z.string()),
  servicePhotos: z.array(z.string()),
  events: z.array(event),
  assignees: z.array(
    z.object({
      volunteerId: z.number(),
      name: z.string().nullable(),
      status: z.string(),
      claimedAt: z.string().nullable(),
    }),
  ),
});
export type OrderDetail = z.infer<typeof orderDetail>;

/** What the resident's tracking page shows: the need, its status and the public timeline. */
export const trackingView = z.object({
  orderNo: z.string(),
  status: z.enum(ORDER_STATUSES),
  serviceCategory: z.string(),
  /** The menu item ordered (服务清单的项目名称); null for a free-text need. */
  serviceTitle: z.string().nullable(),
  description: z.string(),
  createdAt: z.string(),
  rejectReason: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  canCancel: z.boolean(),
  /** The resident's photos of the need, each served to whoever holds the order's link or account. */
  photos: z.array(z.object({ id: z.string(), url: z.string() })),
  canAddPhotos: z.boolean(),
  timeline: z.array(
    z.object({
      action: z.string(),
      toStatus: z.string().nullable(),
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
