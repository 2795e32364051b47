// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the menu and orders, so
// standard civic-request clients work: services are the service categories and the published menu
// items; a request is an order. The public request list carries no personal data — no name,
// phone, address or description — only what a map of open needs would show.
import type { FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  FINAL_ORDER_STATUSES,
  ORDER_STATUS_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  type OrderStatus,
} from '@civic/contracts';
import type { AppContext } from '../../platform/context.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { answerFor } from '../../platform/http/error-handler.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { insertOrder } from './order-intake.ts';

const CATEGORY_PREFIX = 'cat.';
const ITEM_PREFIX = 'item.';

const postRequest = z.object({
  service_code: z.string({ error: 'service_code is required' }).min(1).max(40),
  description: z.string().trim().min(1, '请填写需求描述').max(500),
  address_string: z.string().trim().max(120).optional(),
  address_id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  first_name: z.string().trim().max(20).optional(),
  last_name: z.string().trim().max(20).optional(),
  phone: z.string({ error: '请填写联系电话' }).trim().max(20),
  email: z.string().max(100).optional(),
  api_key: z.string().max(100).optional(),
  jurisdiction_id: z.string().max(100).optional(),
});

const listQuery = z.object({
  service_request_id: z.string().max(400).optional(),
  service_code: z.string().max(40).optional(),
  status: z.enum(['open', 'closed']).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  jurisdiction_id: z.string().max(100).optional(),
});

type RequestRow = {
  order_no: string;
  status: string;
  service_category: string;
  menu_item_id: number | null;
  title: string | null;
  org_name: string;
  latitude: number | null;
  longitude: number | null;
  created_at: Date;
  updated_at: Date;
};

export function open311Routes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.db.system;
  void app.register(async (scope) => {
    await scope.register(formbody);
    // GeoReport errors are a list of { code, description }; what is refused, and how, is the
    // platform's (answerFor), only the format is Open311's
    scope.setErrorHandler((error, request, reply) => {
      const answer = answerFor(error);
      if (answer)
        return reply.status(answer.status).send([{ code: answer.status, description: answer.message }]);
      request.log.error({ err: error }, 'open311 error');
      return reply.status(500).send([{ code: 500, description: '服务器内部错误' }]);
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['open311'];
    const limited = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

    r.get(
      '/open311/v2/services.json',
      { schema: { tags, summary: 'GeoReport v2: services' }, config: limited(120) },
      async () => {
        const items = await db
          .selectFrom('menu_items')
          .select(['id', 'title', 'description', 'service_category'])
          .where('status', '=', 'published')
          .orderBy('id')
          .execute();
        return [
          ...SERVICE_CATEGORIES.map((c) => ({
            service_code: `${CATEGORY_PREFIX}${c}`,
            service_name: SERVICE_CATEGORY_LABELS[c],
            description: `${SERVICE_CATEGORY_LABELS[c]}类需求（自由描述）`,
            metadata: false,
            type: 'realtime',
            keywords: c,
            group: SERVICE_CATEGORY_LABELS[c],
          })),
          ...items.map((i) => ({
            service_code: `${ITEM_PREFIX}${i.id}`,
            service_name: i.title,
            description: i.description ?? i.title,
            metadata: false,
            type: 'realtime',
            keywords: i.service_category,
            group:
              SERVICE_CATEGORY_LABELS[i.service_category as keyof typeof SERVICE_CATEGORY_LABELS] ??
              i.service_category,
          })),
        ];
      },
    );

    r.post(
      '/open311/v2/requests.json',
      {
        schema: { tags, summary: 'GeoReport v2: create a request (点单)', body: postRequest },
        config: limited(10),
      },
      async (req) => {
        const b = req.body;
        const stationId =
          b.address_id ??
          (b.lat !== undefined && b.long !== undefined ? await nearestStation(b.lat, b.long) : undefined);
        if (!stationId) throw new Invalid('请提供 address_id（村/社区编号）或 lat/long 坐标');
        const isItem = b.service_code.startsWith(ITEM_PREFIX);
        const category = b.service_code.startsWith(CATEGORY_PREFIX)
          ? b.service_code.slice(CATEGORY_PREFIX.length)
          : undefined;
        if (!isItem && !SERVICE_CATEGORIES.includes(category as (typeof SERVICE_CATEGORIES)[number])) {
          throw new Invalid(`未知的 service_code：${b.service_code}`);
        }
        const placed = await db.transaction().execute((tx) =>
          insertOrder(
            ctx,
            tx,
            {
              stationId,
              menuItemId: isItem ? Number(b.service_code.slice(ITEM_PREFIX.length)) || -1 : null,
              serviceCategory: category as (typeof SERVICE_CATEGORIES)[number] | undefined,
              description: b.description,
              address: b.address_string ?? '（未填写）',
              contactName: [b.last_name, b.first_name].filter(Boolean).join('') || '群众',
              contactPhone: b.phone,
            },
            { channel: 'open311', createdBy: null, residentUserId: null, actorName: null },
          ),
        );
        return [
          {
            service_request_id: placed.orderNo,
            token: placed.trackingToken,
            service_notice: `已收到，可在 /h5/track/${placed.trackingToken} 查看进度`,
            account_id: null,
          },
        ];
      },
    );

    r.get(
      '/open311/v2/requests.json',
      {
        schema: { tags, summary: 'GeoReport v2: requests (no personal data)', querystring: listQuery },
        config: limited(120),
      },
      async (req) => {
        const q = req.query;
        let query = requests();
        if (q.service_request_id)
          query = query.where('o.order_no', 'in', q.service_request_id.split(',').slice(0, 100));
        if (q.service_code?.startsWith(CATEGORY_PREFIX))
          query = query.where('o.service_category', '=', q.service_code.slice(CATEGORY_PREFIX.length));
        if (q.service_code?.startsWith(ITEM_PREFIX))
          query = query.where('o.menu_item_id', '=', Number(q.service_code.slice(ITEM_PREFIX.length)) || -1);
        if (q.status)
          query = query.where('o.status', q.status === 'closed' ? 'in' : 'not in', [...FINAL_ORDER_STATUSES]);
        // GeoReport defaults: the last 90 days, at most 1000 requests
        const end = q.end_date ? new Date(q.end_date) : ctx.now();
        const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 90 * 86_400_000);
        query = query.where('o.created_at', '>=', start).where('o.created_at', '<=', end);
        const rows = (await query.orderBy('o.id', 'desc').limit(1000).execute()) as RequestRow[];
        return rows.map(geoReport);
      },
    );

    r.get(
      '/open311/v2/requests/:id.json',
      {
        schema: { tags, summary: 'GeoReport v2: one request', params: z.object({ id: z.string().max(40) }) },
        config: limited(120),
      },
      async (req) => {
        const row = (await requests().where('o.order_no', '=', req.params.id).executeTakeFirst()) as
          RequestRow | undefined;
        if (!row) throw new NotFound('未找到该请求');
        return [geoReport(row)];
      },
    );
  });

  function requests() {
    return db
      .selectFrom('orders as o')
      .innerJoin('orgs as g', 'g.id', 'o.org_id')
      .leftJoin('menu_items as m', 'm.id', 'o.menu_item_id')
      .select([
        'o.order_no',
        'o.status',
        'o.service_category',
        'o.menu_item_id',
        'm.title',
        'g.name as org_name',
        'g.latitude',
        'g.longitude',
        'o.created_at',
        'o.updated_at',
      ]);
  }

  async function nearestStation(lat: number, long: number): Promise<number | undefined> {
    const { rows } = await sql<{ id: number }>`
      SELECT id FROM orgs WHERE kind = 'station' AND status = 'active' AND latitude IS NOT NULL
      ORDER BY (latitude - ${lat})^2 + ((longitude - ${long}) * cos(radians(${lat})))^2 LIMIT 1`.execute(db);
    return rows[0]?.id;
  }

  function geoReport(row: RequestRow) {
    const status = row.status as OrderStatus;
    return {
      service_request_id: row.order_no,
      status: FINAL_ORDER_STATUSES.includes(status) ? 'closed' : 'open',
      // the status alone: a reject reason is staff's word to the resident (shown on the tracking
      // page to whoever holds its link), never to the public
      status_notes: ORDER_STATUS_LABELS[status],
      service_name:
        row.title ??
        SERVICE_CATEGORY_LABELS[row.service_category as keyof typeof SERVICE_CATEGORY_LABELS] ??
        row.service_category,
      service_code: row.menu_item_id
        ? `${ITEM_PREFIX}${row.menu_item_id}`
        : `${CATEGORY_PREFIX}${row.service_category}`,
      agency_responsible: row.org_name,
      requested_datetime: isoTimestamp(row.created_at),
      updated_datetime: isoTimestamp(row.updated_at),
      // the village's location, never the resident's address
      address: row.org_name,
      lat: row.latitude,
      long: row.longitude,
    };
  }
}
