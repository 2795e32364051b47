// Open311 GeoReport v2 over the menu and orders: services are the service categories and the
// published menu items; a service request is an order. The public view of a request carries no
// personal data and nothing staff wrote: no name, phone, address or description, no reject reason
// or note — only what a map of open needs would show (the village, the service, the status, times).
import { sql } from 'kysely';
import {
  FINAL_ORDER_STATUSES,
  ORDER_STATUS_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  type OrderStatus,
  type ServiceCategory,
} from '@civic/contracts';
import type { AppContext } from '../../platform/context.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { insertOrder } from './order-intake.ts';
import {
  BASE_PATH,
  MAX_REQUESTS,
  MAX_SPAN_DAYS,
  PREFERRED_AT,
  type DiscoveryOut,
  type PostRequestBody,
  type ReceiptOut,
  type RequestOut,
  type RequestsQuery,
  type ServiceDefinitionOut,
  type ServiceOut,
} from './open311.schema.ts';

const CATEGORY_PREFIX = 'cat.';
const ITEM_PREFIX = 'item.';
const DAY_MS = 86_400_000;

type Service =
  | { kind: 'category'; code: string; category: ServiceCategory; name: string }
  | { kind: 'item'; code: string; itemId: number; name: string };

const categoryLabel = (category: string) => SERVICE_CATEGORY_LABELS[category as ServiceCategory] ?? category;

/** The menu item id in `item.<id>`, or null when the code is not one. */
function itemIdOf(code: string): number | null {
  if (!code.startsWith(ITEM_PREFIX)) return null;
  const digits = code.slice(ITEM_PREFIX.length);
  if (!/^\d{1,10}$/.test(digits)) return null;
  const id = Number(digits);
  return id > 0 && id <= 2 ** 31 ? id : null;
}

function categoryOf(code: string): ServiceCategory | null {
  if (!code.startsWith(CATEGORY_PREFIX)) return null;
  const category = code.slice(CATEGORY_PREFIX.length);
  return (SERVICE_CATEGORIES as readonly string[]).includes(category) ? (category as ServiceCategory) : null;
}

type RequestRow = {
  order_no: string;
  status: string;
  service_category: string;
  menu_item_id: number | null;
  title: string | null;
  org_id: number;
  org_name: string;
  latitude: number | null;
  longitude: number | null;
  created_at: Date;
  updated_at: Date;
};

export function open311Service(ctx: AppContext) {
  const db = ctx.db.system;

  /** A service that exists now: a category, or a published menu item. */
  async function findService(code: string): Promise<Service | null> {
    const category = categoryOf(code);
    if (category) return { kind: 'category', code, category, name: SERVICE_CATEGORY_LABELS[category] };
    const itemId = itemIdOf(code);
    if (itemId === null) return null;
    const item = await db
      .selectFrom('menu_items')
      .select(['id', 'title'])
      .where('id', '=', itemId)
      .where('status', '=', 'published')
      .executeTakeFirst();
    return item ? { kind: 'item', code, itemId: item.id, name: item.title } : null;
  }

  async function serviceOrThrow(code: string): Promise<Service> {
    const service = await findService(code);
    if (!service) throw new NotFound(`未找到服务：service_code ${code} 不存在`);
    return service;
  }

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
        'g.id as org_id',
        'g.name as org_name',
        'g.latitude',
        'g.longitude',
        'o.created_at',
        'o.updated_at',
      ]);
  }

  /** A station for the request's location: its id, the nearest to lat/long, or named in the address. */
  async function stationFor(body: PostRequestBody): Promise<number> {
    if (body.address_id !== undefined) return body.address_id;
    if ((body.lat === undefined) !== (body.long === undefined)) {
      throw new Invalid('lat 与 long 须同时提供');
    }
    if (body.lat !== undefined && body.long !== undefined) {
      const { rows } = await sql<{ id: number }>`
        SELECT id FROM orgs WHERE kind = 'station' AND status = 'active' AND latitude IS NOT NULL
        ORDER BY (latitude - ${body.lat})^2 + ((longitude - ${body.long}) * cos(radians(${body.lat})))^2
        LIMIT 1`.execute(db);
      if (rows[0]) return rows[0].id;
      throw new Invalid('附近没有可受理的村（社区），请改用 address_id');
    }
    if (body.address_string) return stationNamedIn(body.address_string);
    throw new Invalid('请提供位置：lat 与 long、address_string 或 address_id（村/社区编号）三者之一');
  }

  /** The village an address names (the longest name it contains; its town settles a tie). */
  async function stationNamedIn(address: string): Promise<number> {
    const { rows } = await sql<{ id: number; name: string; town: string | null }>`
      SELECT s.id, s.short_name AS name, t.short_name AS town
      FROM orgs s LEFT JOIN orgs t ON t.id = s.parent_id
      WHERE s.kind = 'station' AND s.status = 'active' AND length(s.short_name) >= 2
        AND strpos(${address}, s.short_name) > 0`.execute(db);
    const longest = Math.max(0, ...rows.map((r) => r.name.length));
    let found = rows.filter((r) => r.name.length === longest);
    if (found.length > 1) found = found.filter((r) => r.town && address.includes(r.town));
    if (found.length === 1) return found[0]!.id;
    throw new Invalid(
      found.length === 0 && rows.length === 0
        ? 'address_string 中没有可识别的村（社区）名称，请写明村（社区），或改用 address_id、lat/long'
        : 'address_string 对应多个村（社区），请写明所在镇（街道），或改用 address_id、lat/long',
    );
  }

  return {
    /**
     * Service discovery. The endpoint's address is PUBLIC_URL's, never a guess from the request's
     * Host header (which a client can forge); without it, the path alone. The changeset moves when
     * the services do (the menu), so clients know when to refresh what they cached.
     */
    async discovery(): Promise<DiscoveryOut> {
      const latest = await db
        .selectFrom('menu_items')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .executeTakeFirst();
      const changeset = isoTimestamp(latest?.at ? new Date(latest.at) : new Date(0));
      const base = ctx.config.publicUrl?.replace(/\/+$/, '') ?? '';
      return {
        changeset,
        contact: '请联系本县新时代文明实践中心',
        key_service: '无需 API key：提交请求时 api_key 可不填',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${base}${BASE_PATH}`,
            changeset,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      };
    },

    async listServices(): Promise<ServiceOut[]> {
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
          metadata: true,
          type: 'realtime' as const,
          keywords: `${c},${SERVICE_CATEGORY_LABELS[c]}`,
          group: SERVICE_CATEGORY_LABELS[c],
        })),
        ...items.map((i) => ({
          service_code: `${ITEM_PREFIX}${i.id}`,
          service_name: i.title,
          description: i.description ?? i.title,
          metadata: true,
          type: 'realtime' as const,
          keywords: `${i.service_category},${categoryLabel(i.service_category)}`,
          group: categoryLabel(i.service_category),
        })),
      ];
    },

    async serviceDefinition(code: string): Promise<ServiceDefinitionOut> {
      const service = await serviceOrThrow(code);
      return {
        service_code: service.code,
        attributes: [
          {
            variable: true,
            code: PREFERRED_AT,
            datatype: 'datetime',
            required: false,
            datatype_description: '带时区的日期时间，如 2025-06-01T09:00:00+08:00',
            order: 1,
            description: '希望什么时候提供服务（选填）',
          },
          {
            variable: false,
            code: 'privacy_notice',
            datatype: 'text',
            required: false,
            datatype_description: null,
            order: 2,
            description:
              '您的姓名、电话、地址和需求描述只给办理的工作人员看；公开的请求列表只显示所在村（社区）、服务类别、办理状态和时间。',
          },
        ],
      };
    },

    async createRequest(body: PostRequestBody): Promise<ReceiptOut> {
      const service = await serviceOrThrow(body.service_code);
      const stationId = await stationFor(body);
      // a menu item names the need itself; a category needs the resident's words
      const description = body.description || (service.kind === 'item' ? service.name : undefined);
      if (!description) throw new Invalid('请填写需求描述（description）');
      const phone = body.phone;
      if (!phone) throw new Invalid('请填写联系电话（phone），以便工作人员联系您');
      const placed = await db.transaction().execute((tx) =>
        insertOrder(
          ctx,
          tx,
          {
            stationId,
            menuItemId: service.kind === 'item' ? service.itemId : null,
            serviceCategory: service.kind === 'category' ? service.category : undefined,
            description,
            address: body.address_string ?? '（未填写）',
            contactName: [body.last_name, body.first_name].filter(Boolean).join('') || '群众',
            contactPhone: phone,
            preferredAt: body[`attribute[${PREFERRED_AT}]`] ?? null,
          },
          { channel: 'open311', createdBy: null, residentUserId: null, actorName: null },
        ),
      );
      return {
        service_request_id: placed.orderNo,
        service_notice: `已收到，可在 /h5/track/${placed.trackingToken} 查看办理进度`,
        account_id: null,
      };
    },

    async listRequests(q: RequestsQuery): Promise<RequestOut[]> {
      let query = requests();
      if (q.service_request_id) {
        // the specification: service_request_id overrides all other arguments
        query = query.where('o.order_no', 'in', q.service_request_id);
      } else {
        if (q.service_code) {
          const categories = q.service_code.flatMap((code) => categoryOf(code) ?? []);
          const items = q.service_code.flatMap((code) => itemIdOf(code) ?? []);
          query = query.where((eb) =>
            eb.or([
              ...(categories.length > 0
                ? [eb.and([eb('o.service_category', 'in', categories), eb('o.menu_item_id', 'is', null)])]
                : []),
              ...(items.length > 0 ? [eb('o.menu_item_id', 'in', items)] : []),
            ]),
          );
        }
        if (q.status?.length === 1) {
          query = query.where('o.status', q.status[0] === 'closed' ? 'in' : 'not in', [
            ...FINAL_ORDER_STATUSES,
          ]);
        }
        const { start, end } = requestedWindow(q.start_date, q.end_date, ctx.now());
        query = query.where('o.created_at', '>=', start).where('o.created_at', '<=', end);
      }
      const rows = (await query
        .orderBy('o.created_at', 'desc')
        .orderBy('o.id', 'desc')
        .limit(MAX_REQUESTS)
        .execute()) as RequestRow[];
      return rows.map(publicView);
    },

    async request(id: string): Promise<RequestOut> {
      const row = (await requests().where('o.order_no', '=', id).executeTakeFirst()) as
        RequestRow | undefined;
      if (!row) throw new NotFound(`未找到请求：service_request_id ${id} 不存在`);
      return publicView(row);
    },
  };
}

/** The requested_datetime window: the most recent 90 days unless the client says otherwise. */
function requestedWindow(startDate: string | undefined, endDate: string | undefined, now: Date) {
  const span = MAX_SPAN_DAYS * DAY_MS;
  let start = startDate ? new Date(startDate) : undefined;
  let end = endDate ? new Date(endDate) : undefined;
  if (start && end) {
    if (start > end) throw new Invalid('start_date 不能晚于 end_date');
    if (end.getTime() - start.getTime() > span) {
      throw new Invalid(`start_date 与 end_date 相隔不能超过 ${MAX_SPAN_DAYS} 天`);
    }
  }
  if (!start && !end) end = now;
  if (start && !end) end = new Date(Math.min(start.getTime() + span, now.getTime()));
  start ??= new Date(end!.getTime() - span);
  return { start, end: end! };
}

function publicView(row: RequestRow): RequestOut {
  const status = row.status as OrderStatus;
  return {
    service_request_id: row.order_no,
    status: FINAL_ORDER_STATUSES.includes(status) ? 'closed' : 'open',
    // the status alone: a reject reason is staff's word to the resident (shown on the tracking
    // page to whoever holds its link), never to the public
    status_notes: ORDER_STATUS_LABELS[status] ?? null,
    service_name: row.title ?? categoryLabel(row.service_category),
    service_code: row.menu_item_id
      ? `${ITEM_PREFIX}${row.menu_item_id}`
      : `${CATEGORY_PREFIX}${row.service_category}`,
    // the resident's own words: withheld (personal data)
    description: null,
    agency_responsible: row.org_name,
    service_notice: null,
    requested_datetime: isoTimestamp(row.created_at),
    updated_datetime: isoTimestamp(row.updated_at),
    expected_datetime: null,
    // the village's name and location, never the resident's address
    address: row.org_name,
    address_id: row.org_id,
    zipcode: null,
    lat: row.latitude,
    long: row.longitude,
    // service photos show people and homes: not published
    media_url: null,
  };
}
